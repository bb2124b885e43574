namespace Experimentation.Trending;

/// <summary>
/// The aggregating side: merges partitions' <see cref="TrendingDelta"/>s into per-item minute rings
/// and answers top-N queries. A window at "now" holds the current minute and the
/// <see cref="TrendingOptions.WindowMinutes"/> before it, so it covers the whole window and at most
/// one minute more. Merging is order-independent: any split of the same clicks over partitions gives
/// the same counts (while no item is evicted).
/// </summary>
public sealed class TrendingAggregate(TrendingOptions options)
{
    private readonly Dictionary<string, TrendingItemState> _items = new(StringComparer.Ordinal);

    public int TrackedItems => _items.Count;

    /// <summary>Adds the deltas still inside the window at <paramref name="now"/>; returns how many were used.</summary>
    public int Apply(IEnumerable<TrendingDelta> deltas, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var nowMinute = TrendingDelta.MinuteOf(now);
        var applied = 0;
        foreach (var delta in deltas)
        {
            if (delta.Count <= 0 || string.IsNullOrEmpty(delta.ItemId) || delta.Minute <= nowMinute - RingLength)
            {
                continue;
            }

            if (!_items.TryGetValue(delta.ItemId, out var item))
            {
                if (_items.Count >= options.MaxItems)
                {
                    Evict(nowMinute);
                }

                item = new TrendingItemState(delta.Category, delta.Minute, RingLength);
                _items.Add(delta.ItemId, item);
            }

            item.Add(delta.Minute, delta.Count, delta.Category);
            applied++;
        }

        return applied;
    }

    /// <summary>The <paramref name="count"/> items with the most clicks, overall or in <paramref name="category"/>; ties by id.</summary>
    public IReadOnlyList<TrendingItem> TopN(DateTimeOffset now, int count, string? category = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ranked = Ranked(TrendingDelta.MinuteOf(now))
            .Where(r => category is null || r.Category == category)
            .Take(count);
        return [.. ranked.Select(r => r.Item)];
    }

    /// <summary>The compact picture every silo caches: top items overall and in the busiest categories.</summary>
    public TrendingSnapshot Snapshot(DateTimeOffset now)
    {
        var ranked = Ranked(TrendingDelta.MinuteOf(now));
        var categories = ranked
            .Where(r => r.Category is not null)
            .GroupBy(r => r.Category!, StringComparer.Ordinal)
            .Select(g => new TrendingCategory(g.Key, g.Sum(r => r.Item.Count), [.. g.Take(options.TopPerCategory).Select(r => r.Item)]))
            .OrderByDescending(c => c.Total)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .Take(options.MaxSnapshotCategories);
        return new TrendingSnapshot(now, [.. ranked.Take(options.TopPerCategory).Select(r => r.Item)], [.. categories]);
    }

    private int RingLength => options.WindowMinutes + 1;

    private List<(TrendingItem Item, string? Category)> Ranked(long nowMinute)
    {
        var ranked = new List<(TrendingItem Item, string? Category)>();
        foreach (var (itemId, state) in _items)
        {
            var count = state.CountAt(nowMinute);
            if (count > 0)
            {
                ranked.Add((new TrendingItem(itemId, count), state.Category));
            }
        }

        ranked.Sort(static (a, b) => a.Item.Count != b.Item.Count ? b.Item.Count.CompareTo(a.Item.Count) : string.CompareOrdinal(a.Item.ItemId, b.Item.ItemId));
        return ranked;
    }

    // Drops everything cold, then the coldest tenth, so a full aggregate evicts once per many new
    // items rather than scanning on every one.
    private void Evict(long nowMinute)
    {
        var byHeat = _items
            .Select(p => (p.Key, Count: p.Value.CountAt(nowMinute), p.Value.HeadMinute))
            .OrderBy(i => i.Count)
            .ThenBy(i => i.HeadMinute)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        var target = options.MaxItems - Math.Max(1, options.MaxItems / 10);
        var excess = _items.Count - target;
        foreach (var (itemId, count, _) in byHeat)
        {
            if (count > 0 && excess <= 0)
            {
                break;
            }

            _items.Remove(itemId);
            excess--;
        }
    }
}
