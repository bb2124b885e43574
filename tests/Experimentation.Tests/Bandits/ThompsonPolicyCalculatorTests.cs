using Experimentation.Bandits;
using MathNet.Numerics.Distributions;

namespace Experimentation.Tests.Bandits;

public sealed class ThompsonPolicyCalculatorTests
{
    private static readonly BanditSettings Settings = new() { BurnInTrials = 100, MinExplorationShare = 0.01 };

    [Fact]
    public void Compute_ArmBelowBurnIn_IsUniformWithBurnInReason()
    {
        ArmStatistics[] arms = [new(500, 20, 20, 20), new(99, 10, 10, 10), new(500, 40, 40, 40)];

        var policy = ThompsonPolicyCalculator.Compute(arms, Settings, new Random(1));

        Assert.Equal(PolicyReasons.BurnIn, policy.Reason);
        Assert.All(policy.Probabilities, p => Assert.Equal(1.0 / 3, p, 15));
        Assert.Equal(1, policy.ProbabilityBest.Sum(), 12);
    }

    [Fact]
    public void Compute_AfterBurnIn_AppliesExplorationFloorToProbabilityBest()
    {
        ArmStatistics[] arms = [new(1000, 40, 40, 40), new(1000, 50, 50, 50), new(1000, 90, 90, 90)];
        var settings = Settings with { MinExplorationShare = 0.1 };

        var policy = ThompsonPolicyCalculator.Compute(arms, settings, new Random(2));

        Assert.Equal(PolicyReasons.Thompson, policy.Reason);
        Assert.Equal(2, policy.LeadingArm);
        for (var arm = 0; arm < arms.Length; arm++)
        {
            Assert.Equal(0.9 * policy.ProbabilityBest[arm] + 0.1 / 3, policy.Probabilities[arm], 15);
            Assert.True(policy.Probabilities[arm] >= 0.1 / 3);
        }
    }

    [Theory]
    [InlineData(RewardModel.Binary)]
    [InlineData(RewardModel.Continuous)]
    public void Compute_AnyModel_ProbabilitiesSumToOne(RewardModel model)
    {
        ArmStatistics[] arms = [new(300, 30, 45, 80), new(300, 33, 50, 90), new(300, 29, 40, 70), new(300, 31, 48, 85)];

        var policy = ThompsonPolicyCalculator.Compute(arms, Settings with { RewardModel = model }, new Random(3));

        Assert.Equal(1, policy.Probabilities.Sum(), 12);
        Assert.Equal(1, policy.ProbabilityBest.Sum(), 12);
        Assert.All(policy.ExpectedLoss, loss => Assert.True(loss >= 0));
    }

    [Fact]
    public void Compute_SameSeed_SamePolicy()
    {
        ArmStatistics[] arms = [new(400, 20, 20, 20), new(400, 24, 24, 24), new(400, 22, 22, 22)];

        var first = ThompsonPolicyCalculator.Compute(arms, Settings, new Random(42));
        var second = ThompsonPolicyCalculator.Compute(arms, Settings, new Random(42));
        var other = ThompsonPolicyCalculator.Compute(arms, Settings, new Random(43));

        Assert.Equal(first.Probabilities, second.Probabilities);
        Assert.Equal(first.ExpectedLoss, second.ExpectedLoss);
        Assert.NotEqual(first.ProbabilityBest, other.ProbabilityBest);
    }

    [Fact]
    public void Compute_TwoBetaArms_ProbabilityBestMatchesNumericalIntegral()
    {
        ArmStatistics[] arms = [new(1000, 40, 40, 40), new(1000, 50, 50, 50)];
        var settings = Settings with { MonteCarloDraws = 200_000 };

        var policy = ThompsonPolicyCalculator.Compute(arms, settings, new Random(5));

        // P(θ1 > θ0) = ∫ f1(x) F0(x) dx with θ0 ~ Beta(41, 961), θ1 ~ Beta(51, 951).
        var exact = Integrate(x => Beta.PDF(51, 951, x) * Beta.CDF(41, 961, x));
        var monteCarloError = Math.Sqrt(exact * (1 - exact) / settings.MonteCarloDraws);
        Assert.InRange(exact, 0.8, 0.9);
        Assert.Equal(exact, policy.ProbabilityBest[1], 4 * monteCarloError);
    }

    [Fact]
    public void Compute_TwoBetaArms_ExpectedLossMatchesNumericalIntegral()
    {
        ArmStatistics[] arms = [new(1000, 40, 40, 40), new(1000, 50, 50, 50)];
        var settings = Settings with { MonteCarloDraws = 200_000 };

        var policy = ThompsonPolicyCalculator.Compute(arms, settings, new Random(6));

        // E[(θ1 − θ0)+] = ∫ F0(t)(1 − F1(t)) dt, since (X − Y)+ = ∫ 1{Y ≤ t < X} dt.
        var lossOfArm0 = Integrate(t => Beta.CDF(41, 961, t) * (1 - Beta.CDF(51, 951, t)));
        var lossOfArm1 = Integrate(t => Beta.CDF(51, 951, t) * (1 - Beta.CDF(41, 961, t)));
        Assert.Equal(lossOfArm0, policy.ExpectedLoss[0], lossOfArm0 * 0.03);
        Assert.Equal(lossOfArm1, policy.ExpectedLoss[1], lossOfArm1 * 0.1);
    }

    [Fact]
    public void Compute_ContinuousRewards_FavoursHigherMean()
    {
        var low = Values(1000, mean: 10.0, spread: 3);
        var high = Values(1000, mean: 11.0, spread: 3);
        var settings = Settings with { RewardModel = RewardModel.Continuous };

        var policy = ThompsonPolicyCalculator.Compute([low, high], settings, new Random(8));

        Assert.Equal(1, policy.LeadingArm);
        Assert.True(policy.ProbabilityBest[1] > 0.99);
        Assert.Equal(1.0, policy.ExpectedLoss[0], 0.3);
    }

    [Fact]
    public void Compute_TwoContinuousArms_ProbabilityBestAndLossMatchNumericalIntegrals()
    {
        ArmStatistics[] arms = [Values(200, mean: 10.0, spread: 3), Values(200, mean: 10.4, spread: 3)];
        var settings = Settings with { RewardModel = RewardModel.Continuous, MonteCarloDraws = 200_000 };

        var policy = ThompsonPolicyCalculator.Compute(arms, settings, new Random(9));

        // μ's marginal is a Student-t with 2α degrees of freedom, location Mu and scale Scale.
        var (low, high) = ((NormalPosterior)ThompsonPolicyCalculator.Posterior(arms[0], settings), (NormalPosterior)ThompsonPolicyCalculator.Posterior(arms[1], settings));
        static double Cdf(NormalPosterior p, double x) => StudentT.CDF(p.Mu, p.Scale, 2 * p.Alpha, x);
        var (lower, upper) = (low.Mu - (40 * low.Scale), high.Mu + (40 * high.Scale));
        var exact = Integrate(x => StudentT.PDF(high.Mu, high.Scale, 2 * high.Alpha, x) * Cdf(low, x), lower, upper);
        var monteCarloError = Math.Sqrt(exact * (1 - exact) / settings.MonteCarloDraws);
        Assert.InRange(exact, 0.85, 0.95);
        Assert.Equal(exact, policy.ProbabilityBest[1], 4 * monteCarloError);

        var lossOfLow = Integrate(t => Cdf(low, t) * (1 - Cdf(high, t)), lower, upper);
        var lossOfHigh = Integrate(t => Cdf(high, t) * (1 - Cdf(low, t)), lower, upper);
        Assert.Equal(lossOfLow, policy.ExpectedLoss[0], lossOfLow * 0.03);
        Assert.Equal(lossOfHigh, policy.ExpectedLoss[1], lossOfHigh * 0.1);
    }

    [Fact]
    public void Compute_SingleArm_ServesItAlways()
    {
        var policy = ThompsonPolicyCalculator.Compute([new ArmStatistics(500, 5, 5, 5)], Settings, new Random(1));

        Assert.Equal(1.0, Assert.Single(policy.Probabilities));
        Assert.Equal(PolicyReasons.Thompson, policy.Reason);
    }

    [Fact]
    public void Compute_NoArms_Throws() =>
        Assert.Throws<ArgumentException>(() => ThompsonPolicyCalculator.Compute([], Settings, new Random(1)));

    [Fact]
    public void Compute_InvalidSettings_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            ThompsonPolicyCalculator.Compute([ArmStatistics.Empty], Settings with { MonteCarloDraws = 0 }, new Random(1)));

    private static ArmStatistics Values(int count, double mean, double spread)
    {
        // Evenly spread values: the sample mean is exactly `mean`.
        var statistics = ArmStatistics.Empty;
        for (var i = 0; i < count; i++)
        {
            statistics += ArmStatistics.ForValue(mean + spread * (i % 2 == 0 ? 1 : -1));
        }

        return statistics;
    }

    // Both Beta posteriors above put all but ~1e-12 of their mass below 0.15.
    private static double Integrate(Func<double, double> f) => Integrate(f, 0, 0.15);

    private static double Integrate(Func<double, double> f, double lower, double upper)
    {
        // Simpson's rule with panels a few hundredths of a posterior standard deviation wide.
        const int panels = 10_000;
        var step = (upper - lower) / panels;
        var sum = f(lower) + f(upper);
        for (var i = 1; i < panels; i++)
        {
            sum += f(lower + (i * step)) * (i % 2 == 0 ? 2 : 4);
        }

        return sum * step / 3;
    }
}
