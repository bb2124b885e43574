namespace Grains.Experiments;

/// <summary>
/// A user's participation in one experiment, from the first exposure: the unit of the user-level
/// analysis. It keeps the pre-exposure covariate (for CUPED) and the user's running metric values,
/// so each change can be sent as a delta of sums and sums of squares.
/// </summary>
public sealed record Participation
{
    public string ExperimentId { get; init; } = "";

    /// <summary>The variant of the first exposure: the user's arm in the user-level analysis.</summary>
    public string Variant { get; init; } = "";

    public DateTimeOffset FirstAt { get; init; }

    /// <summary>The definition iteration the user enrolled in; a later iteration enrols the user afresh.</summary>
    public long Iteration { get; init; }

    public long WindowSeconds { get; init; }

    public string RewardEventType { get; init; } = "";

    public bool Continuous { get; init; }

    /// <summary>The reward event's count in the 24 h before the first exposure (CUPED's covariate).</summary>
    public double Covariate { get; init; }

    /// <summary>The primary metric's value so far: reward events (binary) or their value sum (continuous).</summary>
    public double Value { get; set; }

    public List<string> Guardrails { get; init; } = [];

    /// <summary>Per guardrail, events seen since the first exposure.</summary>
    public double[] GuardrailCounts { get; set; } = [];

    /// <summary>True when <paramref name="at"/> (client time) falls within [first exposure − tolerance, first exposure + window].</summary>
    public bool Covers(DateTimeOffset at, TimeSpan tolerance = default) => at >= FirstAt - tolerance && at - FirstAt <= TimeSpan.FromSeconds(WindowSeconds);
}
