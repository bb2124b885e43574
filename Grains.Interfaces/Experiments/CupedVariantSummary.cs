namespace Grains.Interfaces.Experiments;

/// <summary>A variant's value per user before and after the CUPED adjustment.</summary>
public sealed record CupedVariantSummary(string Variant, double Mean, double AdjustedMean, double Variance, double AdjustedVariance);
