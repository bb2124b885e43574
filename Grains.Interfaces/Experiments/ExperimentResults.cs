namespace Grains.Interfaces.Experiments;

/// <summary>Body of <c>GET /v1/experiments/{id}/results</c>.</summary>
public sealed record ExperimentResults
{
    public string ExperimentId { get; init; } = "";

    public string Type { get; init; } = "";

    public string Status { get; init; } = "";

    public long Version { get; init; }

    /// <summary>The definition's iteration: every figure here counts only its enrolments, exposures and credits.</summary>
    public long Iteration { get; init; }

    public string RewardKind { get; init; } = "";

    public List<VariantResult> Variants { get; init; } = [];

    /// <summary>Sample-ratio mismatch check of exposures against the configured split; null for bandits, whose split moves by design.</summary>
    public SrmResult? Srm { get; init; }

    /// <summary>User-level metrics and tests against the control; null until a treatment and the control both have users.</summary>
    public ExperimentAnalysis? Analysis { get; init; }

    public DateTimeOffset AsOf { get; init; }
}
