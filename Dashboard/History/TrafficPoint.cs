namespace Dashboard.History;

/// <summary>An experiment's traffic at one sample: exposures so far, and each variant's share of the interval's new exposures.</summary>
public sealed record TrafficPoint(DateTimeOffset At, long[] Exposures, double[] Share);
