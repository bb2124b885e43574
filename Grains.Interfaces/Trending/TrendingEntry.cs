namespace Grains.Interfaces.Trending;

/// <summary>An item and its clicks over the trending window.</summary>
public sealed record TrendingEntry(string ItemId, long Clicks);
