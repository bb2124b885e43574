using MathNet.Numerics;

namespace Experimentation.Analysis;

/// <summary>
/// Exact two-arm comparisons of Beta posteriors (Evan Miller, "Formulas for Bayesian A/B testing"),
/// valid when the summed-over α is a whole number; the β's may be any positive reals.
/// </summary>
internal static class BetaRace
{
    /// <summary>Longest sum taken; beyond it Monte Carlo is cheaper than the exact series.</summary>
    public const double MaxTerms = 200_000;

    public static bool Applies(double alphaX, double alphaY) =>
        IsWhole(alphaX) && IsWhole(alphaY) && alphaX + alphaY + 2 <= MaxTerms;

    /// <summary>
    /// P(X &gt; Y) for X ~ Beta(a, b), Y ~ Beta(c, d), a whole:
    /// Σ_{i=0}^{a−1} B(c + i, b + d) / ((b + i) B(1 + i, b) B(c, d)).
    /// </summary>
    public static double ProbabilityGreater(double a, double b, double c, double d)
    {
        // Consecutive terms differ by the factor (c + i)(b + i) / ((b + c + d + i)(1 + i)); summing
        // in log space keeps the first terms from underflowing when they are below 1e-308.
        var logTerm = SpecialFunctions.BetaLn(c, b + d) - SpecialFunctions.BetaLn(c, d);
        double sum = 0;
        for (var i = 0; i < a; i++)
        {
            sum += Math.Exp(logTerm);
            logTerm += Math.Log((c + i) * (b + i) / ((b + c + d + i) * (1 + i)));
        }

        return Math.Min(sum, 1);
    }

    /// <summary>
    /// E[max(Y − X, 0)], the expected loss of choosing X, through the size-biased identity
    /// E[Y 1{Y &gt; X}] = E[Y] P(Y⁺ &gt; X) with Y⁺ ~ Beta(c + 1, d), c whole.
    /// </summary>
    public static double ExpectedLoss(double a, double b, double c, double d)
    {
        var meanX = a / (a + b);
        var meanY = c / (c + d);
        var loss = meanY * ProbabilityGreater(c + 1, d, a, b) - meanX * ProbabilityGreater(c, d, a + 1, b);
        return Math.Max(loss, 0);
    }

    private static bool IsWhole(double value) => value == Math.Floor(value);
}
