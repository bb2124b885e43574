namespace Experimentation.Analysis;

/// <summary>
/// A metric the treatment must not harm: any event type, with the direction that counts as bad.
/// </summary>
public sealed record GuardrailMetric(string EventType, GuardrailDirection BadDirection)
{
    /// <summary>
    /// True when the interval of treatment − control excludes zero on the bad side, i.e. the harm
    /// is significant at the interval's level (use a sequential interval when peeking).
    /// </summary>
    public bool IsBreached(ConfidenceInterval difference) =>
        BadDirection == GuardrailDirection.Increase ? difference.IsPositive : difference.IsNegative;
}
