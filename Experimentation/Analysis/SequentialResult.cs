namespace Experimentation.Analysis;

/// <summary>One look at a sequential test of treatment − control.</summary>
/// <param name="Difference">Observed treatment − control.</param>
/// <param name="Variance">Plug-in variance of <paramref name="Difference"/>.</param>
/// <param name="LikelihoodRatio">Mixture likelihood ratio Λ against "no difference" at this look.</param>
/// <param name="PValue">Always-valid p-value: min over looks of 1 / Λ, capped at 1.</param>
/// <param name="ConfidenceSequence">Running intersection of the 1 − α confidence sequences.</param>
/// <param name="Alpha">The error rate the sequence is built for.</param>
public sealed record SequentialResult(
    double Difference,
    double Variance,
    double LikelihoodRatio,
    double PValue,
    ConfidenceInterval ConfidenceSequence,
    double Alpha)
{
    /// <summary>True once the always-valid p-value has dropped to α: stopping now keeps the error rate.</summary>
    public bool Significant => PValue <= Alpha;
}
