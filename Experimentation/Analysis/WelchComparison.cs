namespace Experimentation.Analysis;

/// <summary>A treatment's mean against the control's, by Welch's unequal-variance t-test.</summary>
/// <param name="Difference">Treatment mean − control mean.</param>
/// <param name="StandardError">√(s²T/nT + s²C/nC).</param>
/// <param name="T">Difference / StandardError.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="PValue">Two-sided p-value of <paramref name="T"/>.</param>
/// <param name="DifferenceInterval">Interval of the difference from the t quantile.</param>
public sealed record WelchComparison(
    double Difference,
    double StandardError,
    double T,
    double DegreesOfFreedom,
    double PValue,
    ConfidenceInterval DifferenceInterval);
