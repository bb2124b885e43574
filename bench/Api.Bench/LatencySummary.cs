namespace Api.Bench;

/// <summary>Achieved rate and latency percentiles of one fixed-rate run, in milliseconds.</summary>
internal sealed record LatencySummary(double Rate, double P50Ms, double P99Ms, double MaxMs, int Failures);
