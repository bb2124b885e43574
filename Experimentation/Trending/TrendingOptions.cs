namespace Experimentation.Trending;

/// <summary>The <c>Trending</c> section: the click window and the bounds on tracked items and snapshots.</summary>
public sealed class TrendingOptions
{
    public const string SectionName = "Trending";

    /// <summary>Clicks are counted over this many whole minutes (plus the current, partial one).</summary>
    public int WindowMinutes { get; set; } = 10;

    /// <summary>Items the aggregate tracks; past this the coldest are evicted.</summary>
    public int MaxItems { get; set; } = 10_000;

    /// <summary>Items per list in a snapshot (overall and per category).</summary>
    public int TopPerCategory { get; set; } = 10;

    /// <summary>Categories in a snapshot, those with the most clicks first.</summary>
    public int MaxSnapshotCategories { get; set; } = 50;
}
