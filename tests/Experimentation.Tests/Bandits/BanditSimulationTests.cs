using Experimentation.Bandits;

namespace Experimentation.Tests.Bandits;

public sealed class BanditSimulationTests
{
    [Fact]
    public void Compute_ThreeBernoulliArmsWithBatchedFeedback_ConvergesOnBestArm()
    {
        double[] rates = [0.04, 0.05, 0.07];
        const int decisions = 40_000;
        const int batch = 500;
        const int convergedAfter = 20_000;
        var settings = new BanditSettings { BurnInTrials = 100, MinExplorationShare = 0.01, MonteCarloDraws = 2_000 };
        var traffic = new Random(2024);
        var policyRandom = new Random(7);
        var statistics = new ArmStatistics[rates.Length];
        var pending = new ArmStatistics[rates.Length];
        var policy = ThompsonPolicyCalculator.Compute(statistics, settings, policyRandom);
        var toBestAfterConvergence = 0;

        for (var decision = 0; decision < decisions; decision++)
        {
            if (decision % batch == 0 && decision > 0)
            {
                // Feedback arrives in batches: the policy sees rewards only when it is recomputed.
                for (var arm = 0; arm < rates.Length; arm++)
                {
                    statistics[arm] += pending[arm];
                    pending[arm] = ArmStatistics.Empty;
                }

                policy = ThompsonPolicyCalculator.Compute(statistics, settings, policyRandom);
            }

            var choice = policy.Sampler.Choose(traffic);
            pending[choice.Arm] += ArmStatistics.ForOutcome(traffic.NextDouble() < rates[choice.Arm]);
            if (decision >= convergedAfter && choice.Arm == 2)
            {
                toBestAfterConvergence++;
            }
        }

        var share = toBestAfterConvergence / (double)(decisions - convergedAfter);
        Assert.True(share >= 0.95, $"Only {share:P1} of decisions after {convergedAfter} went to the best arm.");
        Assert.Equal(PolicyReasons.Thompson, policy.Reason);
    }
}
