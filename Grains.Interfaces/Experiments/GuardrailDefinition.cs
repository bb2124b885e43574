namespace Grains.Interfaces.Experiments;

/// <summary>A guardrail metric: an event type (error, unsubscribe…) whose movement in the bad direction flags harm.</summary>
public sealed record GuardrailDefinition
{
    /// <summary>The event type counted per exposed user, a lowercase identifier.</summary>
    public string EventType { get; set; } = "";

    /// <summary><c>increase</c> (more is bad, the default) or <c>decrease</c>.</summary>
    public string BadDirection { get; set; } = GuardrailDirections.Increase;
}
