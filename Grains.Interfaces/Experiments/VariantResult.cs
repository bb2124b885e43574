namespace Grains.Interfaces.Experiments;

/// <summary>One variant's outcome so far.</summary>
public sealed record VariantResult
{
    public string Name { get; init; } = "";

    /// <summary>Decisions that exposed a user to this variant (trials).</summary>
    public long Exposures { get; init; }

    /// <summary>Decisions credited with a reward within the attribution window (each at most once).</summary>
    public long Conversions { get; init; }

    /// <summary>Conversions / exposures; null while the variant has no exposures.</summary>
    public double? ConversionRate { get; init; }

    /// <summary>Sum of the credited rewards' values (continuous rewards).</summary>
    public double ValueSum { get; init; }

    public PosteriorSummary Posterior { get; init; } = new();

    /// <summary>Posterior probability that this variant is the best.</summary>
    public double ProbabilityBest { get; init; }

    /// <summary>Expected loss of choosing this variant: E[max over variants − this one], from the same posterior draws.</summary>
    public double ExpectedLoss { get; init; }

    /// <summary>This variant's share of all exposures; null while there are none.</summary>
    public double? TrafficShare { get; init; }
}
