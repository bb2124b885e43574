namespace Grains.Interfaces.Experiments;

/// <summary>
/// Pearson's chi-square test of observed exposures against the configured weights; flagged below p = 0.001.
/// <see cref="ChiSquare"/> is null when it is infinite: exposures of a variant whose weight is zero.
/// </summary>
public sealed record SrmResult(double? ChiSquare, int DegreesOfFreedom, double PValue, bool Mismatch);
