using System.Text.Json;
using Experimentation.Trending;

namespace Experimentation.Tests.Trending;

public sealed class TrendingAccumulatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Drain_ClicksInTwoMinutes_OneDeltaPerMinuteAndItemThenEmpty()
    {
        var accumulator = new TrendingAccumulator(new TrendingOptions());
        accumulator.Record("b", "B", T0.AddSeconds(70), T0.AddMinutes(2));
        accumulator.Record("a", null, T0.AddSeconds(10), T0.AddMinutes(2));
        accumulator.Record("a", "A", T0.AddSeconds(50), T0.AddMinutes(2));
        var minute = TrendingDelta.MinuteOf(T0);

        Assert.Equal(2, accumulator.ToDeltas().Count);
        Assert.Equal([new(minute, "a", "A", 2), new(minute + 1, "b", "B", 1)], accumulator.Drain());
        Assert.Equal(0, accumulator.PendingCount);
        Assert.Empty(accumulator.Drain());
    }

    [Fact]
    public void Record_ClickOutsideWindow_IsRejected()
    {
        var accumulator = new TrendingAccumulator(new TrendingOptions());

        Assert.False(accumulator.Record("a", "A", T0.AddMinutes(-11), T0));
        Assert.True(accumulator.Record("a", "A", T0.AddMinutes(-10), T0));
        Assert.Equal(1, accumulator.PendingCount);
    }

    [Fact]
    public void Deltas_JsonRoundTrip_AreEqual()
    {
        var accumulator = new TrendingAccumulator(new TrendingOptions());
        accumulator.Record("a", "A", T0, T0);
        accumulator.Record("b", null, T0, T0);
        var deltas = accumulator.Drain().ToArray();

        var json = JsonSerializer.Serialize(deltas, TrendingJsonContext.Default.TrendingDeltaArray);

        Assert.Equal(deltas, JsonSerializer.Deserialize(json, TrendingJsonContext.Default.TrendingDeltaArray));
    }
}
