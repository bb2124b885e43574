using Grains.Messages;

namespace Grains.Recommendations;

/// <summary>The durable message from user grains to the item-statistics grain, combined per partition and checkpoint.</summary>
public sealed record ItemCredits
{
    // Where each (item, segment) sits in Items (see KeyedFold).
    private Dictionary<(string ItemId, string Segment), int>? _index;

    public List<ItemCredit> Items { get; init; } = [];

    public static ItemCredits Of(ItemCredit credit) => new() { Items = [credit] };

    /// <summary>
    /// Folds <paramref name="next"/> into <paramref name="pending"/> and returns it. The outbox owns a
    /// message once it is sent, so the fold happens in place: every impression and click of a
    /// partition lands here between two checkpoints.
    /// </summary>
    public static ItemCredits Combine(ItemCredits pending, ItemCredits next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        KeyedFold.Into(
            pending.Items,
            ref pending._index,
            next.Items,
            static credit => (credit.ItemId, credit.Segment),
            static (existing, credit) => existing with
            {
                Category = credit.Category ?? existing.Category,
                Impressions = existing.Impressions + credit.Impressions,
                Clicks = existing.Clicks + credit.Clicks,
            });
        return pending;
    }
}
