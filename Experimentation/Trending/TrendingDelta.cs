using Experimentation.Features;

namespace Experimentation.Trending;

/// <summary>Clicks one partition counted for an item in one minute, sent to the aggregate.</summary>
/// <param name="Minute">Absolute minute bucket (<see cref="MinuteOf"/>).</param>
/// <param name="ItemId">The clicked item.</param>
/// <param name="Category">The item's category, if known.</param>
/// <param name="Count">Clicks in that minute.</param>
public readonly record struct TrendingDelta(long Minute, string ItemId, string? Category, int Count)
{
    /// <summary>The minute bucket of <paramref name="time"/>: Unix milliseconds / 60,000, floored.</summary>
    public static long MinuteOf(DateTimeOffset time) => BucketRing.FloorDiv(time.ToUnixTimeMilliseconds(), 60_000);
}
