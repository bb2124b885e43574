namespace Experimentation.Analysis;

/// <summary>
/// Fixed-horizon analysis of several metrics: every treatment against the control (variant 0) on
/// conversion (z-test) and value per user (Welch), p-values adjusted by Benjamini–Hochberg across
/// all the tests, and guardrails checked on the unadjusted intervals (a guardrail is a safety
/// check: a false alarm costs less than a missed harm).
/// </summary>
public static class MetricAnalyzer
{
    public static IReadOnlyList<MetricComparison> Analyze(IReadOnlyList<MetricInput> metrics, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var tests = new List<(MetricInput Metric, int Variant, ProportionComparison Conversion, WelchComparison? Value)>();
        foreach (var metric in metrics)
        {
            if (metric.Variants.Count < 2)
            {
                throw new ArgumentException($"Metric {metric.EventType} needs a control and at least one treatment.", nameof(metrics));
            }

            var control = metric.Variants[0];
            for (var variant = 1; variant < metric.Variants.Count; variant++)
            {
                var treatment = metric.Variants[variant];
                var conversion = ProportionTest.Compare(control.Conversions, treatment.Conversions, level);
                tests.Add((metric, variant, conversion, WelchTest.TryCompare(control.Value, treatment.Value, level)));
            }
        }

        // One family: conversion p-values first, then the value p-values that exist.
        var pValues = tests.Select(t => t.Conversion.PValue)
            .Concat(tests.Where(t => t.Value is not null).Select(t => t.Value!.PValue))
            .ToArray();
        var adjusted = BenjaminiHochberg.Adjust(pValues);
        var nextValue = tests.Count;
        var results = new List<MetricComparison>(tests.Count);
        for (var i = 0; i < tests.Count; i++)
        {
            var (metric, variant, conversion, value) = tests[i];
            double? valueAdjusted = value is null ? null : adjusted[nextValue++];
            var guardrail = metric.Guardrail;
            var breached = guardrail is not null &&
                (guardrail.IsBreached(conversion.AbsoluteLiftInterval) || (value is not null && guardrail.IsBreached(value.DifferenceInterval)));
            results.Add(new MetricComparison(metric.EventType, variant, conversion, adjusted[i], value, valueAdjusted, breached));
        }

        return results;
    }
}
