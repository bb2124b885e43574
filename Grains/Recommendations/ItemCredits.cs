namespace Grains.Recommendations;

/// <summary>The durable message from user grains to the item-statistics grain, combined per partition and checkpoint.</summary>
public sealed record ItemCredits
{
    // Where each (item, segment) sits in Items; built on the first fold, never persisted.
    private Dictionary<(string ItemId, string Segment), int>? _index;

    public List<ItemCredit> Items { get; init; } = [];

    public static ItemCredits Of(ItemCredit credit) => new() { Items = [credit] };

    /// <summary>
    /// Folds <paramref name="next"/> into <paramref name="pending"/> and returns it. The outbox owns a
    /// message once it is sent, so the fold happens in place, with an index: every impression and
    /// click of a partition lands here between two checkpoints.
    /// </summary>
    public static ItemCredits Combine(ItemCredits pending, ItemCredits next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        var merged = pending.Items;
        var index = pending._index ??= BuildIndex(merged);
        foreach (var credit in next.Items)
        {
            if (!index.TryGetValue((credit.ItemId, credit.Segment), out var at))
            {
                index[(credit.ItemId, credit.Segment)] = merged.Count;
                merged.Add(credit);
                continue;
            }

            var existing = merged[at];
            merged[at] = existing with
            {
                Category = credit.Category ?? existing.Category,
                Impressions = existing.Impressions + credit.Impressions,
                Clicks = existing.Clicks + credit.Clicks,
            };
        }

        return pending;
    }

    private static Dictionary<(string ItemId, string Segment), int> BuildIndex(List<ItemCredit> items)
    {
        var index = new Dictionary<(string ItemId, string Segment), int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            index.TryAdd((items[i].ItemId, items[i].Segment), i);
        }

        return index;
    }
}
