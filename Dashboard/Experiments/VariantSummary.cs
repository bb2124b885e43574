namespace Dashboard.Experiments;

/// <summary>One variant in the experiments list: its configured weight and its counts so far.</summary>
public sealed record VariantSummary(string Name, double? Weight, long Exposures, long Conversions, double TrafficShare);
