namespace Grains.Interfaces.Recommendations;

/// <summary>One ranked item: its sampled score and the probability that the policy puts it in the returned top k.</summary>
public sealed record RecommendedItem(string ItemId, double Score, double Propensity);
