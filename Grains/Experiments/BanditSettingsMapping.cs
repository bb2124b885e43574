using Experimentation.Bandits;
using Grains.Interfaces.Experiments;

namespace Grains.Experiments;

/// <summary>Turns a definition's optional bandit fields into the engine's settings (null keeps the engine default).</summary>
internal static class BanditSettingsMapping
{
    public static BanditSettings From(ExperimentDefinition definition)
    {
        var defaults = new BanditSettings();
        var bandit = definition.Bandit;
        var prior = bandit?.Prior;
        return defaults with
        {
            RewardModel = definition.RewardKind == RewardKinds.Continuous ? RewardModel.Continuous : RewardModel.Binary,
            BetaPrior = new BetaPrior(prior?.Alpha ?? defaults.BetaPrior.Alpha, prior?.Beta ?? defaults.BetaPrior.Beta),
            NormalPrior = new NormalInverseGammaPrior(
                prior?.Mean ?? defaults.NormalPrior.Mean,
                prior?.Kappa ?? defaults.NormalPrior.Kappa,
                prior?.Alpha ?? defaults.NormalPrior.Alpha,
                prior?.Beta ?? defaults.NormalPrior.Beta),
            BurnInTrials = bandit?.BurnInTrials ?? defaults.BurnInTrials,
            MinExplorationShare = bandit?.MinExplorationShare ?? defaults.MinExplorationShare,
            DiscountHalfLife = bandit?.DiscountHalfLifeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
    }
}
