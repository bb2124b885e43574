namespace Grains.Interfaces.Experiments;

/// <summary>One metric: per-variant user-level totals and each treatment against the control.</summary>
public sealed record MetricAnalysis
{
    public string EventType { get; init; } = "";

    /// <summary><c>primary</c> or <c>guardrail</c>.</summary>
    public string Role { get; init; } = "";

    /// <summary>For a guardrail: the direction that counts as harm.</summary>
    public string? BadDirection { get; init; }

    public List<UserMetricSummary> Variants { get; init; } = [];

    public List<VariantComparison> Comparisons { get; init; } = [];
}
