using System.Text.Json;

namespace Grains.Interfaces.Experiments;

/// <summary>One arm of an experiment.</summary>
public sealed record VariantDefinition
{
    /// <summary>A lowercase identifier, unique within the experiment (control, treatment_a, …).</summary>
    public string Name { get; set; } = "";

    /// <summary>An arbitrary JSON object returned to callers assigned this variant; at most 8 KB serialized.</summary>
    public JsonElement? Config { get; set; }

    /// <summary>Share of the experiment's users for an ab experiment (weights sum to 1); must be absent for bandits.</summary>
    public double? Weight { get; set; }
}
