using Experimentation.Analysis;
using Experimentation.Bandits;
using MathNet.Numerics.Distributions;

namespace Experimentation.Tests.Analysis;

public sealed class BayesianComparisonTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("beta");

    [Theory]
    [MemberData(nameof(RCases))]
    public void CompareBeta_TwoArmsRCase_ExactSeriesMatchesR(int number)
    {
        var r = ReferenceValues.Case("beta", number);
        BetaPosterior[] arms = [new(r["alpha_1"], r["beta_1"]), new(r["alpha_2"], r["beta_2"])];

        var result = BayesianComparison.CompareBeta(arms, new Random(1));

        Assert.True(result.Exact);
        for (var arm = 1; arm <= 2; arm++)
        {
            var actual = result.Arms[arm - 1];
            ReferenceValues.AssertClose(r[$"probability_best_{arm}"], actual.ProbabilityBest, $"P(best) {arm}");
            ReferenceValues.AssertClose(r[$"expected_loss_{arm}"], actual.ExpectedLoss, $"expected loss {arm}");
            ReferenceValues.AssertClose(r[$"lower_{arm}"], actual.Interval.Lower, $"qbeta 0.025 {arm}");
            ReferenceValues.AssertClose(r[$"upper_{arm}"], actual.Interval.Upper, $"qbeta 0.975 {arm}");
        }
    }

    [Fact]
    public void CompareBeta_NonWholeAlpha_MonteCarloAgreesWithExact()
    {
        BetaPosterior[] whole = [new(121, 881), new(141, 861)];
        BetaPosterior[] nudged = [new(121.0000001, 881), new(141, 861)];

        var exact = BayesianComparison.CompareBeta(whole, new Random(1));
        var sampled = BayesianComparison.CompareBeta(nudged, new Random(5), draws: 200_000);

        Assert.False(sampled.Exact);
        for (var arm = 0; arm < 2; arm++)
        {
            Assert.Equal(exact.Arms[arm].ProbabilityBest, sampled.Arms[arm].ProbabilityBest, 0.005);
            Assert.Equal(exact.Arms[arm].ExpectedLoss, sampled.Arms[arm].ExpectedLoss, 0.0002);
        }
    }

    [Fact]
    public void CompareBeta_ThreeArms_ProbabilitiesSumToOneAndFollowRates()
    {
        BetaPosterior[] arms = [new(41, 961), new(51, 951), new(61, 941)];

        var result = BayesianComparison.CompareBeta(arms, new Random(3), draws: 50_000);

        Assert.False(result.Exact);
        Assert.Equal(1, result.Arms.Sum(a => a.ProbabilityBest), 12);
        Assert.True(result.Arms[2].ProbabilityBest > result.Arms[1].ProbabilityBest);
        Assert.True(result.Arms[2].ExpectedLoss < result.Arms[0].ExpectedLoss);
    }

    [Fact]
    public void CompareBeta_SameSeed_SameResult()
    {
        BetaPosterior[] arms = [new(41, 961), new(51, 951), new(61, 941)];

        var first = BayesianComparison.CompareBeta(arms, new Random(8), draws: 5_000);
        var second = BayesianComparison.CompareBeta(arms, new Random(8), draws: 5_000);

        Assert.Equal(first.Arms, second.Arms);
    }

    [Fact]
    public void CompareNormal_TwoArms_MatchesNormalDifferenceFormulas()
    {
        var control = new NormalMeanPosterior(10.0, 0.04);
        var treatment = new NormalMeanPosterior(10.3, 0.05);

        var result = BayesianComparison.CompareNormal([control, treatment], new Random(12), draws: 200_000);

        // D = treatment − control ~ N(m, s²): P(D > 0) = Φ(m / s); E[max(−D, 0)] = s φ(m / s) − m Φ(−m / s).
        var m = 0.3;
        var s = Math.Sqrt(0.09);
        var controlLoss = m * Normal.CDF(0, 1, m / s) + s * Normal.PDF(0, 1, m / s);
        var treatmentLoss = s * Normal.PDF(0, 1, m / s) - m * Normal.CDF(0, 1, -m / s);
        Assert.False(result.Exact);
        Assert.Equal(Normal.CDF(0, 1, m / s), result.Arms[1].ProbabilityBest, 0.004);
        Assert.Equal(controlLoss, result.Arms[0].ExpectedLoss, 0.003);
        Assert.Equal(treatmentLoss, result.Arms[1].ExpectedLoss, 0.003);
    }

    [Fact]
    public void NormalMeanPosterior_FromSummary_UsesStandardErrorOfMean()
    {
        var posterior = NormalMeanPosterior.FromSummary(new SampleSummary(400, 12, 36));

        Assert.Equal(12, posterior.Mean);
        Assert.Equal(0.09, posterior.Variance, 15);
        Assert.Equal(12 + 1.959963984540054 * 0.3, posterior.Interval().Upper, 12);
    }
}
