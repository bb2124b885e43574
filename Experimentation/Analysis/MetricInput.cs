namespace Experimentation.Analysis;

/// <summary>One event type's user-level metric in every variant; the first variant is the control.</summary>
/// <param name="EventType">The event type counted (conversion = at least one such event).</param>
/// <param name="Variants">Per-variant inputs, in the experiment's variant order.</param>
/// <param name="BadDirection">Set for a guardrail: the direction of movement that counts as harm.</param>
public sealed record MetricInput(string EventType, IReadOnlyList<UserMetricInput> Variants, GuardrailDirection? BadDirection = null)
{
    /// <summary>The guardrail this metric is, if it is one.</summary>
    public GuardrailMetric? Guardrail => BadDirection is { } bad ? new GuardrailMetric(EventType, bad) : null;
}
