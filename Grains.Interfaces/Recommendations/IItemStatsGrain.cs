using Runtime.Abstractions;

namespace Grains.Interfaces.Recommendations;

/// <summary>Click-through statistics of recommended items, learned from impressions and clicks; its snapshot ranks items on every silo.</summary>
[GrainType("items")]
public interface IItemStatsGrain : IGrainWithStringKey
{
    /// <summary>Impressions and clicks of one item, over all segments; zero for an unknown item.</summary>
    Task<ItemStats> GetAsync(string itemId);
}
