using Experimentation.Trending;

namespace Grains.Trending;

/// <summary>Clicks per item and minute from one partition, combined per checkpoint before they reach the trending grain.</summary>
public sealed record TrendingDeltas
{
    public List<TrendingDelta> Items { get; init; } = [];

    public static TrendingDeltas Combine(TrendingDeltas pending, TrendingDeltas next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        var merged = new List<TrendingDelta>(pending.Items);
        foreach (var delta in next.Items)
        {
            var index = merged.FindIndex(item => item.Minute == delta.Minute && item.ItemId == delta.ItemId);
            if (index < 0)
            {
                merged.Add(delta);
            }
            else
            {
                merged[index] = merged[index] with { Count = merged[index].Count + delta.Count };
            }
        }

        return new TrendingDeltas { Items = merged };
    }
}
