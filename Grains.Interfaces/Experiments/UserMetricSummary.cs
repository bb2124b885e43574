namespace Grains.Interfaces.Experiments;

/// <summary>
/// A variant's user-level totals: unique users exposed, users with the event, and the per-user value's sum and
/// sum of squares. The rate and the mean are null while the variant has no users.
/// </summary>
public sealed record UserMetricSummary(string Variant, long Users, long ConvertedUsers, double? ConversionRate, double ValueSum, double ValueSumOfSquares, double? MeanValue);
