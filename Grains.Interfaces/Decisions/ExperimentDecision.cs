using System.Text.Json;

namespace Grains.Interfaces.Decisions;

/// <summary>What one experiment decided for the user, and why.</summary>
public sealed record ExperimentDecision
{
    public string ExperimentId { get; init; } = "";

    public string Variant { get; init; } = "";

    /// <summary>The variant's config object, as defined.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>The probability with which the policy chose this variant for this user (1 when no choice was made).</summary>
    public double Propensity { get; init; }

    /// <summary>One of <see cref="DecisionReasons"/>.</summary>
    public string Reason { get; init; } = "";
}
