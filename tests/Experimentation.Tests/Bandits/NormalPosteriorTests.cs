using Experimentation.Bandits;
using MathNet.Numerics.Distributions;

namespace Experimentation.Tests.Bandits;

public sealed class NormalPosteriorTests
{
    private static readonly double[] Values = [3.1, 4.7, 2.2, 5.0, 3.9, 4.4];
    private static readonly NormalInverseGammaPrior Prior = new(Mean: 1, Kappa: 2, Alpha: 3, Beta: 4);

    [Fact]
    public void Create_Values_MatchesConjugateUpdate()
    {
        var posterior = NormalPosterior.Create(Statistics(Values), Prior);

        var n = Values.Length;
        var mean = Values.Average();
        var squaredDeviations = Values.Sum(v => (v - mean) * (v - mean));
        Assert.Equal(2 + n, posterior.Kappa, 12);
        Assert.Equal((2 * 1 + n * mean) / (2 + n), posterior.Mu, 12);
        Assert.Equal(3 + n / 2.0, posterior.Alpha, 12);
        Assert.Equal(4 + squaredDeviations / 2 + 2 * n * (mean - 1) * (mean - 1) / (2 * (2 + n)), posterior.Beta, 12);
    }

    [Fact]
    public void Create_OneAtATime_EqualsAllAtOnce()
    {
        var sequential = Prior;
        foreach (var value in Values)
        {
            var step = NormalPosterior.Create(ArmStatistics.ForValue(value), sequential);
            sequential = new NormalInverseGammaPrior(step.Mu, step.Kappa, step.Alpha, step.Beta);
        }

        var batch = NormalPosterior.Create(Statistics(Values), Prior);

        Assert.Equal(batch.Mu, sequential.Mean, 12);
        Assert.Equal(batch.Beta, sequential.Beta, 12);
    }

    [Fact]
    public void Create_NoTrials_ReturnsPrior()
    {
        var posterior = NormalPosterior.Create(ArmStatistics.Empty, Prior);

        Assert.Equal(new NormalPosterior(1, 2, 3, 4), posterior);
    }

    [Fact]
    public void Variance_MarginalStudentT_MatchesClosedForm()
    {
        var posterior = new NormalPosterior(mu: 2, kappa: 10, alpha: 6, beta: 8);

        Assert.Equal(8 / (5.0 * 10), posterior.Variance, 12);
        Assert.Equal(Math.Sqrt(8 / (6.0 * 10)), posterior.Scale, 12);
    }

    [Fact]
    public void Variance_AlphaAtMostOne_IsInfinite() =>
        Assert.Equal(double.PositiveInfinity, NormalPosterior.Create(ArmStatistics.Empty).Variance);

    [Fact]
    public void Interval_Default_MatchesStudentTInverseCdf()
    {
        var posterior = NormalPosterior.Create(Statistics(Values), Prior);

        var interval = posterior.Interval();

        var freedom = 2 * posterior.Alpha;
        Assert.Equal(StudentT.InvCDF(posterior.Mu, posterior.Scale, freedom, 0.025), interval.Lower, 9);
        Assert.Equal(StudentT.InvCDF(posterior.Mu, posterior.Scale, freedom, 0.975), interval.Upper, 9);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void Sample_ManyDraws_MatchMarginalMeanAndVariance() =>
        PosteriorAssert.SamplesMatchMoments(new NormalPosterior(mu: 2, kappa: 10, alpha: 6, beta: 8), draws: 100_000, seed: 11, meanTolerance: 0.01);

    [Fact]
    public void Create_EqualValuesWithRounding_KeepsBetaAtLeastPrior()
    {
        var statistics = Statistics(Enumerable.Repeat(0.1, 1000).ToArray());

        var posterior = NormalPosterior.Create(statistics, new NormalInverseGammaPrior(0.1, 1, 1, 1e-12));

        Assert.True(posterior.Beta >= 1e-12);
        Assert.Equal(0.1, posterior.Mean, 12);
    }

    private static ArmStatistics Statistics(double[] values) =>
        values.Aggregate(ArmStatistics.Empty, (sum, value) => sum + ArmStatistics.ForValue(value));
}
