namespace Grains.Interfaces.Experiments;

/// <summary>Bandit tuning. Every field is optional; null leaves the bandit engine's default.</summary>
public sealed record BanditDefinition
{
    public BanditPriorDefinition? Prior { get; set; }

    /// <summary>Trials every arm must have before the split leaves uniform (0 to 1,000,000).</summary>
    public int? BurnInTrials { get; set; }

    /// <summary>Share of traffic spread uniformly over the arms whatever the posterior says, in [0, 1].</summary>
    public double? MinExplorationShare { get; set; }

    /// <summary>Evidence loses half its weight over this many seconds, for rewards that drift (60 s to 365 days).</summary>
    public long? DiscountHalfLifeSeconds { get; set; }

    /// <summary>Context keys (such as device) whose values get their own posteriors: a contextual bandit.</summary>
    public List<string>? SegmentBy { get; set; }
}
