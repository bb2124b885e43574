namespace Experimentation.Analysis;

/// <summary>One variant's metric before and after the CUPED adjustment.</summary>
/// <param name="Count">Users.</param>
/// <param name="Mean">Mean of Y.</param>
/// <param name="Variance">Sample variance of Y.</param>
/// <param name="AdjustedMean">Mean of Y − θ (X − X̄), X̄ pooled over all variants.</param>
/// <param name="AdjustedVariance">Sample variance of Y − θ X within the variant.</param>
public sealed record CupedVariant(double Count, double Mean, double Variance, double AdjustedMean, double AdjustedVariance)
{
    /// <summary>The adjusted metric as a summary, for <see cref="WelchTest"/> or the sequential test.</summary>
    public SampleSummary Adjusted => new(Count, AdjustedMean, AdjustedVariance);

    /// <summary>The unadjusted metric as a summary.</summary>
    public SampleSummary Unadjusted => new(Count, Mean, Variance);

    /// <summary>1 − AdjustedVariance / Variance (0 without variance).</summary>
    public double VarianceReduction => Variance > 0 ? 1 - AdjustedVariance / Variance : 0;
}
