namespace Experimentation.Analysis;

/// <summary>
/// Welch's two-sample t-test from summaries, as R <c>t.test(treatment, control, var.equal = FALSE)</c>.
/// </summary>
public static class WelchTest
{
    /// <summary>The comparison, or null where R's t.test would stop: fewer than two units in an arm, or no variation at all.</summary>
    public static WelchComparison? TryCompare(SampleSummary control, SampleSummary treatment, double level = 0.95) =>
        control.Count >= 2 && treatment.Count >= 2 && control.Variance + treatment.Variance > 0
            ? Compare(control, treatment, level)
            : null;

    public static WelchComparison Compare(SampleSummary control, SampleSummary treatment, double level = 0.95)
    {
        Validate.Level(level);
        if (!(control.Count >= 2) || !(treatment.Count >= 2))
        {
            throw new ArgumentException("Welch's test needs at least two units per arm.", nameof(control));
        }

        var varianceC = control.MeanVariance;
        var varianceT = treatment.MeanVariance;
        var variance = varianceC + varianceT;
        var difference = treatment.Mean - control.Mean;
        if (!(variance > 0))
        {
            // Constant data in both arms: R stops with "data are essentially constant".
            throw new ArgumentException("Welch's test needs variation in at least one arm.", nameof(control));
        }

        var se = Math.Sqrt(variance);
        var freedom = variance * variance /
            (varianceC * varianceC / (control.Count - 1) + varianceT * varianceT / (treatment.Count - 1));
        var t = difference / se;
        var width = Distributions.StudentQuantile(1 - (1 - level) / 2, freedom) * se;
        return new WelchComparison(
            difference,
            se,
            t,
            freedom,
            Distributions.StudentTwoSided(t, freedom),
            new ConfidenceInterval(difference - width, difference + width, level));
    }
}
