namespace Experimentation.Trending;

/// <summary>
/// What every silo caches: the hottest items overall and per category at <see cref="AsOf"/>.
/// Bounded by <see cref="TrendingOptions.TopPerCategory"/> and <see cref="TrendingOptions.MaxSnapshotCategories"/>.
/// </summary>
public sealed record TrendingSnapshot(DateTimeOffset AsOf, TrendingItem[] Overall, TrendingCategory[] Categories)
{
    public static TrendingSnapshot Empty { get; } = new(DateTimeOffset.UnixEpoch, [], []);

    /// <summary>Up to <paramref name="count"/> items overall (null) or in <paramref name="category"/>; empty for an unknown category.</summary>
    public IReadOnlyList<TrendingItem> Top(string? category, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var items = category is null ? Overall : Array.Find(Categories, c => c.Category == category)?.Items ?? [];
        return items.Length <= count ? items : items[..count];
    }
}
