namespace Experimentation.Trending;

/// <summary>
/// The partition side: counts its own clicks per (minute, item) until drained, so only deltas cross
/// the network. Memory grows with distinct (minute, item) pairs between drains; drain on a timer or
/// when <see cref="PendingCount"/> gets large.
/// </summary>
public sealed class TrendingAccumulator(TrendingOptions options)
{
    private readonly Dictionary<(long Minute, string ItemId), (string? Category, int Count)> _pending = [];

    public int PendingCount => _pending.Count;

    /// <summary>Counts one click; returns false (and counts nothing) when it is already outside the window at <paramref name="now"/>.</summary>
    public bool Record(string itemId, string? category, DateTimeOffset timestamp, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        var minute = TrendingDelta.MinuteOf(timestamp);
        if (minute <= TrendingDelta.MinuteOf(now) - options.WindowMinutes - 1)
        {
            return false;
        }

        var key = (minute, itemId);
        var (known, count) = _pending.GetValueOrDefault(key);
        _pending[key] = (category ?? known, count + 1);
        return true;
    }

    /// <summary>The pending deltas ordered by minute then item, without clearing them.</summary>
    public IReadOnlyList<TrendingDelta> ToDeltas()
    {
        var deltas = _pending.Select(p => new TrendingDelta(p.Key.Minute, p.Key.ItemId, p.Value.Category, p.Value.Count)).ToArray();
        Array.Sort(deltas, static (a, b) => a.Minute != b.Minute ? a.Minute.CompareTo(b.Minute) : string.CompareOrdinal(a.ItemId, b.ItemId));
        return deltas;
    }

    /// <summary>The pending deltas (as <see cref="ToDeltas"/>), then clears them: call once per send.</summary>
    public IReadOnlyList<TrendingDelta> Drain()
    {
        var deltas = ToDeltas();
        _pending.Clear();
        return deltas;
    }
}
