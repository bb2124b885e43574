namespace Grains.Interfaces.Recommendations;

/// <summary>An item's impressions and clicks as learned so far.</summary>
public sealed record ItemStats(string ItemId, string? Category, long Impressions, long Clicks);
