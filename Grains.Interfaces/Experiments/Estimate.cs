namespace Grains.Interfaces.Experiments;

/// <summary>A point estimate with its 95 % interval.</summary>
public sealed record Estimate(double Value, double Lower, double Upper);
