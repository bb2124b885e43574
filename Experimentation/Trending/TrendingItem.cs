namespace Experimentation.Trending;

/// <summary>An item and its clicks in the trending window.</summary>
public readonly record struct TrendingItem(string ItemId, int Count);
