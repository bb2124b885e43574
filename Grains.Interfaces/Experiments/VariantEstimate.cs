namespace Grains.Interfaces.Experiments;

/// <summary>An estimate for one treatment variant, with its p-value.</summary>
public sealed record VariantEstimate(string Variant, Estimate Difference, double PValue);
