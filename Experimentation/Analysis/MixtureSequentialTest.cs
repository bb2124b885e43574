namespace Experimentation.Analysis;

/// <summary>
/// Always-valid inference for a difference in means or proportions: the mixture sequential
/// probability ratio test (mSPRT) with a normal N(0, τ²) mixture over the true difference θ, as in
/// Johari, Pekelis &amp; Walsh, "Always valid inference" (2017), and Optimizely's stats engine.
/// </summary>
/// <remarks>
/// With observed difference d and plug-in variance V (Var p̂T + Var p̂C, or s²T/nT + s²C/nC),
/// Λ(θ₀) = √(V / (V + τ²)) · exp(τ² (d − θ₀)² / (2 V (V + τ²))). Λ(0) is a nonnegative
/// martingale under the null, so by Ville's inequality P(Λ ever ≥ 1/α) ≤ α: the p-value
/// min(1, 1/Λ) (kept as a running minimum) and the confidence sequence {θ₀ : Λ(θ₀) &lt; 1/α}
/// (kept as a running intersection) may be checked after every event.
/// </remarks>
public static class MixtureSequentialTest
{
    /// <summary>The look at a difference <paramref name="difference"/> with variance <paramref name="variance"/>.</summary>
    /// <param name="difference">Observed treatment − control.</param>
    /// <param name="variance">Variance of <paramref name="difference"/>.</param>
    /// <param name="settings">τ² and α.</param>
    /// <param name="previous">The last look, whose p-value and sequence this one tightens; null at the first look.</param>
    public static SequentialResult Evaluate(double difference, double variance, SequentialSettings settings, SequentialResult? previous = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        if (!double.IsFinite(difference))
        {
            throw new ArgumentOutOfRangeException(nameof(difference), difference, "The difference must be finite.");
        }

        var tau2 = settings.MixtureVariance;
        double ratio;
        double p;
        ConfidenceInterval sequence;
        if (variance > 0 && double.IsFinite(variance))
        {
            var spread = variance + tau2;
            var logRatio = 0.5 * Math.Log(variance / spread) + tau2 * difference * difference / (2 * variance * spread);
            ratio = Math.Exp(logRatio);
            p = Math.Min(1, Math.Exp(-logRatio));
            var halfWidth = Math.Sqrt(variance * spread / tau2 * (Math.Log(spread / variance) - 2 * Math.Log(settings.Alpha)));
            sequence = new ConfidenceInterval(difference - halfWidth, difference + halfWidth, 1 - settings.Alpha);
        }
        else
        {
            // No variance estimate yet (empty or constant arms): the look carries no evidence.
            ratio = 1;
            p = 1;
            sequence = new ConfidenceInterval(double.NegativeInfinity, double.PositiveInfinity, 1 - settings.Alpha);
        }

        if (previous is not null)
        {
            p = Math.Min(p, previous.PValue);
            sequence = sequence with
            {
                Lower = Math.Max(sequence.Lower, previous.ConfidenceSequence.Lower),
                Upper = Math.Min(sequence.Upper, previous.ConfidenceSequence.Upper),
            };
        }

        return new SequentialResult(difference, variance, ratio, p, sequence, settings.Alpha);
    }

    /// <summary>The look at treatment − control conversion rates, with unpooled variance.</summary>
    public static SequentialResult Compare(BinomialCounts control, BinomialCounts treatment, SequentialSettings settings, SequentialResult? previous = null)
    {
        control.EnsureValid(nameof(control));
        treatment.EnsureValid(nameof(treatment));
        var variance = BinomialVariance(control) + BinomialVariance(treatment);
        return Evaluate(treatment.Rate - control.Rate, variance, settings, previous);
    }

    /// <summary>The look at treatment − control means.</summary>
    public static SequentialResult Compare(SampleSummary control, SampleSummary treatment, SequentialSettings settings, SequentialResult? previous = null) =>
        Evaluate(treatment.Mean - control.Mean, control.MeanVariance + treatment.MeanVariance, settings, previous);

    private static double BinomialVariance(BinomialCounts counts) =>
        counts.Trials > 0 ? counts.Rate * (1 - counts.Rate) / counts.Trials : double.PositiveInfinity;
}
