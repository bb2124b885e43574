namespace Grains.Interfaces.Experiments;

/// <summary>CUPED on the primary metric, with the pre-exposure count of the reward event over 24 h as covariate.</summary>
public sealed record CupedSummary
{
    public double Theta { get; init; }

    /// <summary>1 − var(adjusted) / var(unadjusted): the share of variance removed.</summary>
    public double VarianceReduction { get; init; }

    public List<CupedVariantSummary> Variants { get; init; } = [];

    /// <summary>Each treatment's adjusted difference in value per user against the control (Welch on adjusted values).</summary>
    public List<VariantEstimate> AdjustedDifferences { get; init; } = [];
}
