using Experimentation.Trending;
using Grains.Trending;

namespace Grains.Tests.Trending;

public sealed class TrendingDeltasTests
{
    [Fact]
    public void Combine_ManyClicks_SumsPerMinuteAndItemInArrivalOrder()
    {
        var pending = new TrendingDeltas { Items = [new TrendingDelta(10, "a", "books", 1)] };
        for (var i = 0; i < 3_000; i++)
        {
            pending = TrendingDeltas.Combine(pending, new TrendingDeltas { Items = [new TrendingDelta(10 + (i % 2), "item-" + (i % 500), null, 1)] });
        }

        pending = TrendingDeltas.Combine(pending, new TrendingDeltas { Items = [new TrendingDelta(10, "a", "books", 4)] });

        Assert.Equal(1 + 500, pending.Items.Count);
        Assert.Equal(new TrendingDelta(10, "a", "books", 5), pending.Items[0]);
        Assert.Equal(6, pending.Items.Single(d => d is { Minute: 10, ItemId: "item-0" }).Count);
        Assert.Equal(3_001 + 4, pending.Items.Sum(d => d.Count));
    }

    [Fact]
    public void Combine_Always_FoldsIntoThePendingMessage()
    {
        var pending = new TrendingDeltas { Items = [new TrendingDelta(1, "a", null, 1)] };

        var combined = TrendingDeltas.Combine(pending, new TrendingDeltas { Items = [new TrendingDelta(2, "a", null, 1)] });

        Assert.Same(pending, combined);
        Assert.Equal(2, combined.Items.Count);
    }
}
