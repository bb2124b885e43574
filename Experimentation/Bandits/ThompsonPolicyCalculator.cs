namespace Experimentation.Bandits;

/// <summary>
/// Computes a <see cref="ThompsonPolicy"/> when the posterior changes, so that each decision is one
/// draw from a categorical distribution whose probabilities are exactly the logged propensities.
/// </summary>
public static class ThompsonPolicyCalculator
{
    /// <summary>
    /// The policy for <paramref name="arms"/>' statistics (indexed by arm). Deterministic for a
    /// given <paramref name="random"/> seed; about draws × arms posterior samples.
    /// </summary>
    public static ThompsonPolicy Compute(IReadOnlyList<ArmStatistics> arms, BanditSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        settings.EnsureValid();
        if (arms.Count == 0)
        {
            throw new ArgumentException("A bandit needs at least one arm.", nameof(arms));
        }

        var (probabilityBest, expectedLoss) = arms.Count == 1
            ? ([1.0], [0.0])
            : Race(arms, settings, random);
        var armCount = arms.Count;
        var burnIn = arms.Any(arm => !(arm.Trials >= settings.BurnInTrials));
        var probabilities = new double[armCount];
        var share = settings.MinExplorationShare;
        for (var arm = 0; arm < armCount; arm++)
        {
            probabilities[arm] = burnIn ? 1.0 / armCount : (1 - share) * probabilityBest[arm] + share / armCount;
        }

        return new ThompsonPolicy(
            probabilities,
            burnIn ? PolicyReasons.BurnIn : PolicyReasons.Thompson,
            probabilityBest,
            expectedLoss);
    }

    /// <summary>The posterior of one arm under <paramref name="settings"/>' reward model and prior.</summary>
    public static IArmPosterior Posterior(ArmStatistics statistics, BanditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.RewardModel == RewardModel.Binary
            ? BetaPosterior.Create(statistics, settings.BetaPrior)
            : NormalPosterior.Create(statistics, settings.NormalPrior);
    }

    private static (double[] ProbabilityBest, double[] ExpectedLoss) Race(
        IReadOnlyList<ArmStatistics> arms, BanditSettings settings, Random random)
    {
        if (settings.RewardModel == RewardModel.Binary)
        {
            var betas = arms.Select(arm => BetaPosterior.Create(arm, settings.BetaPrior)).ToArray();
            return PosteriorRace.Run(betas, settings.MonteCarloDraws, random);
        }

        var normals = arms.Select(arm => NormalPosterior.Create(arm, settings.NormalPrior)).ToArray();
        return PosteriorRace.Run(normals, settings.MonteCarloDraws, random);
    }
}
