namespace Experimentation.Analysis;

/// <summary>One treatment variant against the control on one metric.</summary>
/// <param name="EventType">The metric's event type.</param>
/// <param name="Variant">Index of the treatment variant (1 and up; 0 is the control).</param>
/// <param name="Conversion">Two-proportion z-test of converted users.</param>
/// <param name="ConversionAdjustedPValue">Conversion p-value after Benjamini–Hochberg over every test of the analysis.</param>
/// <param name="Value">Welch's test of value per user; null without variation in value.</param>
/// <param name="ValueAdjustedPValue">Value p-value after Benjamini–Hochberg; null with <paramref name="Value"/>.</param>
/// <param name="GuardrailBreached">The metric is a guardrail and the conversion or value interval lies on its bad side.</param>
public sealed record MetricComparison(
    string EventType,
    int Variant,
    ProportionComparison Conversion,
    double ConversionAdjustedPValue,
    WelchComparison? Value,
    double? ValueAdjustedPValue,
    bool GuardrailBreached);
