namespace Grains.Interfaces.Experiments;

/// <summary>The user-level analysis: every metric against the control, CUPED on the primary metric, and how the sequential test works.</summary>
public sealed record ExperimentAnalysis
{
    /// <summary>The primary metric (the reward event type) first, then the guardrails.</summary>
    public List<MetricAnalysis> Metrics { get; init; } = [];

    /// <summary>CUPED on the primary metric's value per user; null until the pre-exposure covariate varies.</summary>
    public CupedSummary? Cuped { get; init; }

    /// <summary>Which always-valid method the sequential p-values and confidence sequences come from.</summary>
    public string SequentialMethod { get; init; } = "";

    /// <summary>How p-values were adjusted for testing several metrics and variants at once.</summary>
    public string MultipleTesting { get; init; } = "";
}
