namespace Grains.Interfaces.Experiments;

/// <summary>One treatment against the control on one metric: fixed-horizon tests, the always-valid sequential test and the guardrail verdict.</summary>
public sealed record VariantComparison
{
    public string Variant { get; init; } = "";

    /// <summary>Difference in conversion rate (users), treatment − control, with an unpooled Wald interval.</summary>
    public Estimate AbsoluteLift { get; init; } = new(0, 0, 0);

    /// <summary>Relative difference in conversion rate, with a delta-method interval; its parts are null while the control has no conversions.</summary>
    public Estimate RelativeLift { get; init; } = new(0, 0, 0);

    /// <summary>Two-proportion z-test (pooled), as R's prop.test(correct = FALSE); null when the pooled rate has no variance (nobody or everybody converted).</summary>
    public double? ZScore { get; init; }

    public double PValue { get; init; }

    /// <summary>Benjamini–Hochberg across every test of every metric of the experiment.</summary>
    public double AdjustedPValue { get; init; }

    /// <summary>Difference in value per user (Welch); null when the value does not vary.</summary>
    public Estimate? ValueDifference { get; init; }

    public double? ValuePValue { get; init; }

    public double? ValueAdjustedPValue { get; init; }

    /// <summary>Always-valid p-value of the conversion difference: safe to check at any time.</summary>
    public double SequentialPValue { get; init; }

    /// <summary>Always-valid 95 % confidence sequence of the conversion difference; its bounds are null (unbounded) while there is no variance to estimate.</summary>
    public Estimate ConfidenceSequence { get; init; } = new(0, 0, 0);

    /// <summary>A guardrail whose interval lies wholly on its bad side.</summary>
    public bool GuardrailBreached { get; init; }
}
