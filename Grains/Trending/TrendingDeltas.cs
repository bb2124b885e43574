using Experimentation.Trending;
using Grains.Messages;

namespace Grains.Trending;

/// <summary>Clicks per item and minute from one partition, combined per checkpoint before they reach the trending grain.</summary>
public sealed record TrendingDeltas
{
    // Where each (minute, item) sits in Items (see KeyedFold).
    private Dictionary<(long Minute, string ItemId), int>? _index;

    public List<TrendingDelta> Items { get; init; } = [];

    /// <summary>
    /// Folds <paramref name="next"/> into <paramref name="pending"/> and returns it. The outbox owns a
    /// message once it is sent, so the fold happens in place: every click of a partition lands here
    /// between two checkpoints.
    /// </summary>
    public static TrendingDeltas Combine(TrendingDeltas pending, TrendingDeltas next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        KeyedFold.Into(pending.Items, ref pending._index, next.Items, static d => (d.Minute, d.ItemId), static (left, right) => left with { Count = left.Count + right.Count });
        return pending;
    }
}
