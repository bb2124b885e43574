namespace Experimentation.Analysis;

/// <summary>A treatment's conversion rate against the control's.</summary>
/// <param name="ControlRate">Control successes / trials.</param>
/// <param name="TreatmentRate">Treatment successes / trials.</param>
/// <param name="Z">(treatment − control) / pooled standard error; R's prop.test reports X-squared = Z².</param>
/// <param name="PValue">Two-sided p-value of <paramref name="Z"/>.</param>
/// <param name="AbsoluteLift">TreatmentRate − ControlRate.</param>
/// <param name="AbsoluteLiftInterval">Unpooled Wald interval of the absolute lift, clipped to [−1, 1] as R does.</param>
/// <param name="RelativeLift">TreatmentRate / ControlRate − 1 (NaN when the control rate is 0).</param>
/// <param name="RelativeLiftInterval">Delta-method Wald interval of the relative lift.</param>
public sealed record ProportionComparison(
    double ControlRate,
    double TreatmentRate,
    double Z,
    double PValue,
    double AbsoluteLift,
    ConfidenceInterval AbsoluteLiftInterval,
    double RelativeLift,
    ConfidenceInterval RelativeLiftInterval);
