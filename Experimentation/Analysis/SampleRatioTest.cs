namespace Experimentation.Analysis;

/// <summary>Sample-ratio-mismatch (SRM) check, as R <c>chisq.test(observed, p = weights / sum(weights))</c>.</summary>
public static class SampleRatioTest
{
    /// <summary>
    /// Flags SRM below this p-value: at experiment volumes a real assignment or logging bug, not noise.
    /// </summary>
    public const double DefaultThreshold = 0.001;

    /// <summary>
    /// Tests <paramref name="observed"/> counts against <paramref name="weights"/> (any positive
    /// scale). A zero-weight cell with no units is left out; a zero-weight cell with units is an
    /// infinite statistic, p = 0. Null when fewer than two cells have weight or nothing was observed.
    /// </summary>
    public static SampleRatioResult? Test(IReadOnlyList<long> observed, IReadOnlyList<double> weights, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(weights);
        if (observed.Count != weights.Count)
        {
            throw new ArgumentException("Observed counts and weights must have one entry per variant.", nameof(weights));
        }

        Validate.Probability(threshold, nameof(threshold));
        double total = 0;
        double weightSum = 0;
        var cells = 0;
        var strayUnits = false;
        for (var i = 0; i < observed.Count; i++)
        {
            if (observed[i] < 0 || !(weights[i] >= 0) || !double.IsFinite(weights[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(observed), "Counts must not be negative and weights must be finite and not negative.");
            }

            total += observed[i];
            weightSum += weights[i];
            cells += weights[i] > 0 ? 1 : 0;
            strayUnits |= weights[i] == 0 && observed[i] > 0;
        }

        if (cells < 2 || total <= 0)
        {
            return null;
        }

        if (strayUnits)
        {
            return new SampleRatioResult(double.PositiveInfinity, cells - 1, 0, true);
        }

        double statistic = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            if (weights[i] > 0)
            {
                var expected = total * weights[i] / weightSum;
                var gap = observed[i] - expected;
                statistic += gap * gap / expected;
            }
        }

        var p = Distributions.ChiSquareUpper(statistic, cells - 1);
        return new SampleRatioResult(statistic, cells - 1, p, p < threshold);
    }
}
