namespace Experimentation.Analysis;

/// <summary>CUPED adjustment of every variant with one pooled θ.</summary>
/// <param name="Theta">cov(Y, X) / var(X) over all users of all variants.</param>
/// <param name="Variants">The variants, in input order.</param>
/// <param name="VarianceReduction">
/// 1 − var(Y_cuped) / var(Y), both pooled within variants (so the treatment effect does not count
/// as variance); about ρ²(X, Y).
/// </param>
public sealed record CupedResult(double Theta, IReadOnlyList<CupedVariant> Variants, double VarianceReduction);
