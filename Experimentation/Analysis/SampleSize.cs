namespace Experimentation.Analysis;

/// <summary>
/// Users per variant for a two-sided two-proportion test, as R
/// <c>power.prop.test(p1 = baseline, p2 = baseline + mde, sig.level = alpha, power = power)$n</c>.
/// </summary>
public static class SampleSize
{
    /// <summary>
    /// Solves <see cref="Power"/>(n) = <paramref name="power"/> for n by bisection to the last bit,
    /// as R does with uniroot (R's default tolerance, ε^¼ ≈ 1.2e-4, leaves its own n that far off the
    /// root; pass tol = 1e-12 to R to compare closer). Round up for a plan.
    /// </summary>
    /// <param name="baselineRate">Control conversion rate p1.</param>
    /// <param name="minimumDetectableEffect">Absolute lift to detect: p2 = p1 + mde (may be negative).</param>
    /// <param name="alpha">Two-sided significance level.</param>
    /// <param name="power">Probability of rejecting when the lift is exactly the mde.</param>
    /// <param name="strict">Count rejections in the wrong tail too (R's strict = TRUE).</param>
    public static double UsersPerVariant(double baselineRate, double minimumDetectableEffect, double alpha = 0.05, double power = 0.8, bool strict = false)
    {
        Validate.Probability(baselineRate, nameof(baselineRate));
        var p2 = baselineRate + minimumDetectableEffect;
        if (minimumDetectableEffect == 0 || !(p2 > 0 && p2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumDetectableEffect), minimumDetectableEffect, "The effect must be non-zero and keep baseline + effect strictly between 0 and 1.");
        }

        Validate.Probability(alpha, nameof(alpha));
        Validate.Probability(power, nameof(power));
        double low = 0;
        double high = 1e7;
        if (Power(low, baselineRate, p2, alpha, strict) >= power)
        {
            return 0;
        }

        // Power grows with n; widen until the root is bracketed, like uniroot's extendInt = "upX".
        while (Power(high, baselineRate, p2, alpha, strict) < power)
        {
            high *= 2;
        }

        // Halve until low and high are neighbouring doubles: high is then the root to the last bit.
        for (var middle = low + (high - low) / 2; middle > low && middle < high; middle = low + (high - low) / 2)
        {
            if (Power(middle, baselineRate, p2, alpha, strict) < power)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    /// <summary>
    /// Power of the two-sided pooled z-test with <paramref name="n"/> users per variant:
    /// Φ((√n |p1 − p2| − z₁₋α/₂ √(2 p̄ q̄)) / √(p1 q1 + p2 q2)), plus with <paramref name="strict"/>
    /// the far tail Φ(−(√n |p1 − p2| + z₁₋α/₂ √(2 p̄ q̄)) / √(p1 q1 + p2 q2)).
    /// </summary>
    public static double Power(double n, double p1, double p2, double alpha = 0.05, bool strict = false)
    {
        var critical = Distributions.NormalQuantile(1 - alpha / 2);
        var pBar = (p1 + p2) / 2;
        var nullSd = Math.Sqrt(2 * pBar * (1 - pBar));
        var sd = Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        var shift = Math.Sqrt(n) * Math.Abs(p1 - p2);
        var power = Distributions.NormalUpper(-(shift - critical * nullSd) / sd);
        return strict ? power + Distributions.NormalUpper((shift + critical * nullSd) / sd) : power;
    }
}
