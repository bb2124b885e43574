using Experimentation.Analysis;
using Grains.Interfaces.Experiments;

namespace Grains.Experiments;

/// <summary>
/// The user-level analysis of an experiment from its persisted sums: z-tests and Welch against the
/// control with Benjamini–Hochberg over every test, the mSPRT's always-valid p-values and confidence
/// sequences, guardrail verdicts, and CUPED on the primary metric.
/// </summary>
internal static class ExperimentAnalysisBuilder
{
    public const string SequentialMethod =
        "mSPRT with a normal mixture (Johari et al. 2017) on the difference in conversion rate; τ² from the definition, else the control's p(1 − p) / 100";

    public const string MultipleTesting = "Benjamini–Hochberg over the conversion and value tests of every metric and treatment";

    public static ExperimentAnalysis? Build(ExperimentDefinition definition, IReadOnlyList<VariantUserTotals> totals)
    {
        if (totals.Count != definition.Variants.Count || totals.Count < 2 || totals.Any(t => t.Users < 2))
        {
            return null;
        }

        var primary = new MetricInput(definition.RewardEventType, [.. totals.Select(t => new UserMetricInput(t.Users, t.ConvertedUsers, t.ValueSum, Math.Max(t.ValueSumOfSquares, 0)))]);
        var metrics = new List<MetricInput> { primary };
        foreach (var guardrail in definition.Guardrails)
        {
            metrics.Add(new MetricInput(
                guardrail.EventType,
                [.. totals.Select(t => t.Guardrails.TryGetValue(guardrail.EventType, out var g) ? new UserMetricInput(t.Users, (long)g[0], g[1], g[2]) : new UserMetricInput(t.Users, 0, 0, 0))],
                guardrail.BadDirection == GuardrailDirections.Decrease ? GuardrailDirection.Decrease : GuardrailDirection.Increase));
        }

        var comparisons = MetricAnalyzer.Analyze(metrics);
        return new ExperimentAnalysis
        {
            Metrics = [.. metrics.Select((metric, m) => Metric(definition, metric, m == 0, comparisons.Where(c => c.EventType == metric.EventType)))],
            Cuped = Cuped(definition, totals),
            SequentialMethod = SequentialMethod,
            MultipleTesting = MultipleTesting,
        };
    }

    private static MetricAnalysis Metric(ExperimentDefinition definition, MetricInput metric, bool primary, IEnumerable<MetricComparison> comparisons)
    {
        var control = metric.Variants[0];
        var tau = definition.SequentialMixtureVariance ?? Math.Max(control.Conversions.Rate * (1 - control.Conversions.Rate), 1e-6) / 100;
        return new MetricAnalysis
        {
            EventType = metric.EventType,
            Role = primary ? "primary" : "guardrail",
            BadDirection = primary ? null : metric.BadDirection == GuardrailDirection.Decrease ? GuardrailDirections.Decrease : GuardrailDirections.Increase,
            Variants = [.. metric.Variants.Select((v, i) => new UserMetricSummary(
                definition.Variants[i].Name, v.Users, v.ConvertedUsers, Statistic.Ratio(v.ConvertedUsers, v.Users), v.ValueSum, v.ValueSumOfSquares, Statistic.Ratio(v.ValueSum, v.Users)))],
            Comparisons = [.. comparisons.Select(c =>
            {
                var sequential = MixtureSequentialTest.Compare(control.Conversions, metric.Variants[c.Variant].Conversions, new SequentialSettings(tau));
                return new VariantComparison
                {
                    Variant = definition.Variants[c.Variant].Name,
                    AbsoluteLift = Of(c.Conversion.AbsoluteLift, c.Conversion.AbsoluteLiftInterval),
                    RelativeLift = Of(c.Conversion.RelativeLift, c.Conversion.RelativeLiftInterval),
                    ZScore = HasVariance(control.Conversions, metric.Variants[c.Variant].Conversions) ? Statistic.OrNull(c.Conversion.Z) : null,
                    PValue = c.Conversion.PValue,
                    AdjustedPValue = c.ConversionAdjustedPValue,
                    ValueDifference = c.Value is { } value ? Of(value.Difference, value.DifferenceInterval) : null,
                    ValuePValue = c.Value?.PValue,
                    ValueAdjustedPValue = c.ValueAdjustedPValue,
                    SequentialPValue = sequential.PValue,
                    ConfidenceSequence = Of(sequential.Difference, sequential.ConfidenceSequence),
                    GuardrailBreached = c.GuardrailBreached,
                };
            })],
        };
    }

    private static CupedSummary? Cuped(ExperimentDefinition definition, IReadOnlyList<VariantUserTotals> totals)
    {
        var sums = totals.Select(t => new CupedSums(t.Users, t.ValueSum, t.ValueSumOfSquares, t.CovariateSum, t.CovariateSumOfSquares, t.CovariateProduct)).ToList();
        var pooled = sums.Aggregate((left, right) => left + right);
        if (pooled.SumXSquares * pooled.Count - (pooled.SumX * pooled.SumX) <= 1e-9)
        {
            return null;
        }

        var result = Experimentation.Analysis.Cuped.Adjust(sums);
        var control = result.Variants[0].Adjusted;
        var comparisons = result.Variants.Skip(1).Select(v => WelchTest.TryCompare(control, v.Adjusted)).ToList();
        if (comparisons.Contains(null))
        {
            // No variation left to compare (no user has converted yet): the adjustment has nothing to say.
            return null;
        }

        return new CupedSummary
        {
            Theta = result.Theta,
            VarianceReduction = result.VarianceReduction,
            Variants = [.. result.Variants.Select((v, i) => new CupedVariantSummary(definition.Variants[i].Name, v.Mean, v.AdjustedMean, v.Variance, v.AdjustedVariance))],
            AdjustedDifferences = [.. comparisons.Select((welch, i) => new VariantEstimate(definition.Variants[i + 1].Name, Of(welch!.Difference, welch.DifferenceInterval), welch.PValue))],
        };
    }

    private static Estimate Of(double value, ConfidenceInterval interval) => Estimate.Of(value, interval.Lower, interval.Upper);

    // The pooled rate is all-or-nothing: the z statistic is 0 / 0 (R's prop.test answers NaN).
    private static bool HasVariance(BinomialCounts control, BinomialCounts treatment)
    {
        var successes = control.Successes + treatment.Successes;
        return successes > 0 && successes < control.Trials + treatment.Trials;
    }
}
