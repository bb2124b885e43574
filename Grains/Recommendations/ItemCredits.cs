namespace Grains.Recommendations;

/// <summary>The durable message from user grains to the item-statistics grain, combined per partition and checkpoint.</summary>
public sealed record ItemCredits
{
    public List<ItemCredit> Items { get; init; } = [];

    public static ItemCredits Of(ItemCredit credit) => new() { Items = [credit] };

    public static ItemCredits Combine(ItemCredits pending, ItemCredits next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        var merged = new List<ItemCredit>(pending.Items);
        foreach (var credit in next.Items)
        {
            var index = merged.FindIndex(item => item.ItemId == credit.ItemId && item.Segment == credit.Segment);
            if (index < 0)
            {
                merged.Add(credit);
                continue;
            }

            var existing = merged[index];
            merged[index] = existing with
            {
                Category = credit.Category ?? existing.Category,
                Impressions = existing.Impressions + credit.Impressions,
                Clicks = existing.Clicks + credit.Clicks,
            };
        }

        return new ItemCredits { Items = merged };
    }
}
