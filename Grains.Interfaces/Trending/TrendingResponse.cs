namespace Grains.Interfaces.Trending;

/// <summary>The most clicked items over the trending window, overall (no category) or in one category, most clicked first.</summary>
public sealed record TrendingResponse
{
    public string? Category { get; init; }

    public List<TrendingEntry> Items { get; init; } = [];
}
