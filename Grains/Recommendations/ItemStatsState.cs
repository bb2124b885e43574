namespace Grains.Recommendations;

/// <summary>What the item-statistics grain persists and publishes: every tracked item's record.</summary>
public sealed record ItemStatsState
{
    public List<ItemRecord> Items { get; set; } = [];
}
