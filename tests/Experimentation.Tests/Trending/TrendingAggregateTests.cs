using System.Text.Json;
using Experimentation.Trending;

namespace Experimentation.Tests.Trending;

public sealed class TrendingAggregateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly (string Item, string Category, int Clicks)[] Clicks =
        [("a1", "A", 3), ("a2", "A", 1), ("a3", "A", 2), ("b1", "B", 2), ("b2", "B", 5), ("c1", "C", 1)];

    [Fact]
    public void TopN_PerCategoryAndOverall_MostClicksFirst()
    {
        var aggregate = Aggregate(new TrendingOptions());

        Assert.Equal([new("a1", 3), new("a3", 2)], aggregate.TopN(T0, 2, "A"));
        Assert.Equal([new("b2", 5), new("a1", 3), new("a3", 2), new("b1", 2)], aggregate.TopN(T0, 4));
        Assert.Empty(aggregate.TopN(T0, 4, "none"));
    }

    [Fact]
    public void Snapshot_CategoriesByTotal_EachWithTopItems()
    {
        var aggregate = Aggregate(new TrendingOptions { TopPerCategory = 2, MaxSnapshotCategories = 2 });

        var snapshot = aggregate.Snapshot(T0);

        Assert.Equal(["b2", "a1"], snapshot.Overall.Select(i => i.ItemId));
        Assert.Equal([("B", 7), ("A", 6)], snapshot.Categories.Select(c => (c.Category, c.Total)));
        Assert.Equal([new("a1", 3), new("a3", 2)], snapshot.Top("A", 5));
        Assert.Equal([new("b2", 5)], snapshot.Top(null, 1));
        Assert.Empty(snapshot.Top("C", 5));
    }

    [Fact]
    public void TopN_ClickOlderThanWindow_Expires()
    {
        var aggregate = new TrendingAggregate(new TrendingOptions());
        var accumulator = new TrendingAccumulator(new TrendingOptions());
        accumulator.Record("x", "A", T0.AddSeconds(30), T0.AddSeconds(30));
        aggregate.Apply(accumulator.Drain(), T0.AddSeconds(30));

        Assert.Equal([new("x", 1)], aggregate.TopN(T0.AddMinutes(10).AddSeconds(30), 5));
        Assert.Empty(aggregate.TopN(T0.AddMinutes(11), 5));
    }

    [Fact]
    public void Apply_DeltasFromTwoAccumulators_EqualOneAccumulatorSeeingAll()
    {
        var options = new TrendingOptions();
        var whole = new TrendingAccumulator(options);
        var left = new TrendingAccumulator(options);
        var right = new TrendingAccumulator(options);
        var random = new Random(42);
        var now = T0.AddMinutes(9);
        for (var i = 0; i < 500; i++)
        {
            var item = $"i{random.Next(40)}";
            var at = T0.AddSeconds(random.Next(9 * 60));
            var category = $"c{item.Length % 3}{item[^1]}";
            whole.Record(item, category, at, now);
            (i % 2 == 0 ? left : right).Record(item, category, at, now);
        }

        var merged = new TrendingAggregate(options);
        merged.Apply(right.Drain().Reverse(), now);
        merged.Apply(left.Drain(), now);
        var single = new TrendingAggregate(options);
        single.Apply(whole.Drain(), now);

        Assert.Equal(Json(single.Snapshot(now)), Json(merged.Snapshot(now)));
        Assert.Equal(single.TopN(now, 40), merged.TopN(now, 40));
    }

    [Fact]
    public void Apply_MoreItemsThanMax_EvictsColdestAndStaysBounded()
    {
        var aggregate = new TrendingAggregate(new TrendingOptions { MaxItems = 10 });
        var minute = TrendingDelta.MinuteOf(T0);
        aggregate.Apply(Enumerable.Range(0, 10).Select(i => new TrendingDelta(minute, $"hot{i}", "A", 10 + i)), T0);

        aggregate.Apply(Enumerable.Range(0, 5).Select(i => new TrendingDelta(minute, $"new{i}", "A", 1)), T0);

        Assert.True(aggregate.TrackedItems <= 10);
        Assert.Equal(Enumerable.Range(1, 9).Reverse().Select(i => $"hot{i}"), aggregate.TopN(T0, 9).Select(i => i.ItemId));
    }

    [Fact]
    public void Apply_DeltaOutsideWindowOrEmpty_IsIgnored()
    {
        var aggregate = new TrendingAggregate(new TrendingOptions());
        var minute = TrendingDelta.MinuteOf(T0);

        var applied = aggregate.Apply([new(minute - 11, "old", "A", 4), new(minute, "zero", "A", 0), new(minute - 10, "edge", null, 2)], T0);

        Assert.Equal(1, applied);
        Assert.Equal([new("edge", 2)], aggregate.TopN(T0, 5));
    }

    private static TrendingAggregate Aggregate(TrendingOptions options)
    {
        var accumulator = new TrendingAccumulator(options);
        foreach (var (item, category, clicks) in Clicks)
        {
            for (var i = 0; i < clicks; i++)
            {
                accumulator.Record(item, category, T0.AddSeconds(-10 * i), T0);
            }
        }

        var aggregate = new TrendingAggregate(options);
        aggregate.Apply(accumulator.Drain(), T0);
        return aggregate;
    }

    private static string Json(TrendingSnapshot snapshot) => JsonSerializer.Serialize(snapshot, TrendingJsonContext.Default.TrendingSnapshot);
}
