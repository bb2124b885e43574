using Runtime.Abstractions;

namespace Grains.Interfaces.Trending;

/// <summary>Clicks per item over the last 10 minutes, from every partition; its snapshot (top items per category) is cached on every silo.</summary>
[GrainType("trending")]
public interface ITrendingGrain : IGrainWithStringKey
{
    /// <summary>The top <paramref name="count"/> items, overall or in one category, by clicks in the window.</summary>
    Task<List<TrendingEntry>> TopAsync(string? category, int count);
}
