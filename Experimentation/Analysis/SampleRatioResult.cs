namespace Experimentation.Analysis;

/// <summary>Pearson's chi-square goodness of fit of observed variant counts against the configured split.</summary>
/// <param name="ChiSquare">Σ (observed − expected)² / expected.</param>
/// <param name="DegreesOfFreedom">Cells with a positive weight, minus one.</param>
/// <param name="PValue">Upper chi-square tail of <paramref name="ChiSquare"/>.</param>
/// <param name="Mismatch">True when <paramref name="PValue"/> is below the threshold: distrust the experiment's data.</param>
public sealed record SampleRatioResult(double ChiSquare, int DegreesOfFreedom, double PValue, bool Mismatch);
