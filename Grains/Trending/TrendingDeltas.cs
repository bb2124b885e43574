using Experimentation.Trending;

namespace Grains.Trending;

/// <summary>Clicks per item and minute from one partition, combined per checkpoint before they reach the trending grain.</summary>
public sealed record TrendingDeltas
{
    // Where each (minute, item) sits in Items; built on the first fold, never persisted.
    private Dictionary<(long Minute, string ItemId), int>? _index;

    public List<TrendingDelta> Items { get; init; } = [];

    /// <summary>
    /// Folds <paramref name="next"/> into <paramref name="pending"/> and returns it. The outbox owns a
    /// message once it is sent, so the fold happens in place, with an index: every click of a
    /// partition lands here between two checkpoints.
    /// </summary>
    public static TrendingDeltas Combine(TrendingDeltas pending, TrendingDeltas next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        var merged = pending.Items;
        var index = pending._index ??= BuildIndex(merged);
        foreach (var delta in next.Items)
        {
            if (index.TryGetValue((delta.Minute, delta.ItemId), out var at))
            {
                merged[at] = merged[at] with { Count = merged[at].Count + delta.Count };
            }
            else
            {
                index[(delta.Minute, delta.ItemId)] = merged.Count;
                merged.Add(delta);
            }
        }

        return pending;
    }

    private static Dictionary<(long Minute, string ItemId), int> BuildIndex(List<TrendingDelta> items)
    {
        var index = new Dictionary<(long Minute, string ItemId), int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            index.TryAdd((items[i].Minute, items[i].ItemId), i);
        }

        return index;
    }
}
