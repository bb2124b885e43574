namespace Grains.Experiments;

/// <summary>
/// Property names of an exposure (or impression) event in the user's own stream. The decision writes
/// everything attribution needs into the event, so replaying the stream after a crash credits
/// rewards exactly as the first time, whatever the definition has become since.
/// </summary>
public static class ExposureProperties
{
    /// <summary>Event type of a decision's exposure.</summary>
    public const string ExposureType = "exposure";

    /// <summary>Event type of a recommended item shown to the user.</summary>
    public const string ImpressionType = "impression";

    public const string Experiment = "experimentId";
    public const string Variant = "variant";
    public const string Decision = "decisionId";
    public const string Propensity = "propensity";
    public const string Segment = "segment";
    public const string RewardType = "rewardEventType";
    public const string RewardKind = "rewardKind";
    public const string Window = "attributionWindowSeconds";

    /// <summary>The definition version the decision was made under.</summary>
    public const string DefinitionVersion = "definitionVersion";

    /// <summary>The definition's iteration: credits of an earlier one never count in a later one.</summary>
    public const string Iteration = "iteration";

    /// <summary>The experiment's guardrail event types, comma-separated.</summary>
    public const string Guardrails = "guardrails";
}
