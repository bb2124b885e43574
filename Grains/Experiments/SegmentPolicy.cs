namespace Grains.Experiments;

/// <summary>A bandit's serving probabilities for one context segment, and why (thompson or burn_in).</summary>
public sealed record SegmentPolicy(string Segment, double[] Probabilities, string Reason);
