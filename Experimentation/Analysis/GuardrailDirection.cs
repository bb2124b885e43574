namespace Experimentation.Analysis;

/// <summary>Which movement of a guardrail metric counts as harm.</summary>
public enum GuardrailDirection
{
    /// <summary>More is bad: errors, latency, unsubscribes.</summary>
    Increase,

    /// <summary>Less is bad: revenue, retention.</summary>
    Decrease,
}
