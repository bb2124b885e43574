using Experimentation.Bandits;
using MathNet.Numerics.Distributions;

namespace Experimentation.Tests.Bandits;

public sealed class BetaPosteriorTests
{
    [Fact]
    public void Create_PriorAndStatistics_AddsSuccessesAndFailures()
    {
        var posterior = BetaPosterior.Create(new ArmStatistics(120, 30, 30, 30), new BetaPrior(2, 5));

        Assert.Equal(2 + 30, posterior.Alpha);
        Assert.Equal(5 + 120 - 30, posterior.Beta);
    }

    [Fact]
    public void Create_NoPrior_UsesUniform()
    {
        var posterior = BetaPosterior.Create(ArmStatistics.Empty);

        Assert.Equal(new BetaPosterior(1, 1), posterior);
        Assert.Equal(0.5, posterior.Mean);
        Assert.Equal(1.0 / 12, posterior.Variance, 12);
    }

    [Fact]
    public void MeanAndVariance_Posterior_MatchClosedForms()
    {
        var posterior = new BetaPosterior(41, 961);
        const double sum = 41 + 961;

        Assert.Equal(41 / sum, posterior.Mean, 15);
        Assert.Equal(41 * 961 / (sum * sum * (sum + 1)), posterior.Variance, 15);
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.8)]
    public void Interval_Level_MatchesBetaInverseCdf(double level)
    {
        var posterior = new BetaPosterior(41, 961);

        var interval = posterior.Interval(level);

        var tail = (1 - level) / 2;
        Assert.Equal(Beta.InvCDF(41, 961, tail), interval.Lower, 12);
        Assert.Equal(Beta.InvCDF(41, 961, 1 - tail), interval.Upper, 12);
        Assert.Equal(level, interval.Level);
        Assert.True(interval.Contains(posterior.Mean));
    }

    [Fact]
    public void Interval_LevelOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetaPosterior(2, 2).Interval(1));

    [Fact]
    public void Create_SuccessesAboveTrials_ClampsToTrials()
    {
        var posterior = BetaPosterior.Create(new ArmStatistics(10, 10.000001, 0, 0));

        Assert.Equal(11, posterior.Alpha, 12);
        Assert.Equal(1, posterior.Beta, 12);
    }

    [Fact]
    public void Sample_ManyDraws_MatchMeanAndVariance() =>
        PosteriorAssert.SamplesMatchMoments(new BetaPosterior(41, 961), draws: 50_000, seed: 7, meanTolerance: 0.0005);

    [Fact]
    public void Constructor_NonPositiveAlpha_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BetaPosterior(0, 1));
}
