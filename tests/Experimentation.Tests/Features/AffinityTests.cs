using static Experimentation.Tests.Features.FeatureTestData;

namespace Experimentation.Tests.Features;

public sealed class AffinityTests
{
    [Fact]
    public void TopCategories_AfterOneHalfLife_ScoreIsHalved()
    {
        var model = Model();
        model.ApplyLive(Event("click", T0, category: "shoes"));

        var score = Assert.Single(model.TopCategories(T0.AddHours(1), 5)).Score;

        Assert.Equal(1.0, score, 12);
    }

    [Fact]
    public void TopCategories_SeveralEvents_MatchClosedForm()
    {
        var model = Model();
        model.ApplyLive(Event("click", T0, category: "shoes"));
        model.ApplyLive(Event("view", T0.AddMinutes(30), category: "shoes"));

        var score = model.TopCategories(T0.AddHours(1), 1)[0].Score;

        Assert.Equal((2 * 0.5) + (1 * Math.Pow(0.5, 0.5)), score, 12);
    }

    [Fact]
    public void TopCategories_LateEvent_MatchesClosedForm()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0.AddHours(1), category: "shoes"));
        model.Apply(Event("purchase", T0, category: "shoes"), T0.AddHours(1));

        var score = model.TopCategories(T0.AddHours(2), 1)[0].Score;

        Assert.Equal((1 * 0.5) + (8 * 0.25), score, 12);
    }

    [Fact]
    public void TopCategories_BeyondMaxCategories_KeepsTheStrongest()
    {
        var model = Model(o => o.MaxCategories = 3);
        model.ApplyLive(Event("purchase", T0, category: "a"));
        model.ApplyLive(Event("add_to_cart", T0, category: "b"));
        model.ApplyLive(Event("like", T0, category: "c"));
        model.ApplyLive(Event("view", T0, category: "d"));
        model.ApplyLive(Event("purchase", T0, category: "e"));

        var top = model.TopCategories(T0, 10);

        Assert.Equal(["a", "e", "b"], top.Select(c => c.Category));
        Assert.Equal([8.0, 8.0, 4.0], top.Select(c => c.Score));
    }

    [Fact]
    public void TopCategories_OldStrongCategory_IsEvictedOnceDecayedBelowNewOne()
    {
        var model = Model(o => o.MaxCategories = 1);
        model.ApplyLive(Event("purchase", T0, category: "old"));
        model.ApplyLive(Event("view", T0.AddHours(2), category: "early"));
        model.ApplyLive(Event("view", T0.AddHours(4), category: "new"));

        var top = Assert.Single(model.TopCategories(T0.AddHours(4), 10));

        // 8·0.5² = 2 beats a fresh 1 at +2 h; 8·0.5⁴ = 0.5 does not at +4 h.
        Assert.Equal("new", top.Category);
    }

    [Fact]
    public void RecentItems_MoreThanMax_KeepsMostRecentDistinctFirst()
    {
        var model = Model(o => o.MaxRecentItems = 3);
        for (var i = 1; i <= 5; i++)
        {
            model.ApplyLive(Event("view", T0.AddMinutes(i), item: $"i{i}"));
        }

        model.ApplyLive(Event("click", T0.AddMinutes(6), item: "i3"));

        var items = model.View(T0.AddMinutes(6)).RecentItems;
        Assert.Equal(["i3", "i5", "i4"], items.Select(i => i.ItemId));
        Assert.Equal(T0.AddMinutes(6), items[0].SeenAt);
    }

    [Fact]
    public void RecentItems_LateSightingOfKnownItem_KeepsTheLaterOne()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0.AddMinutes(5), item: "i1"));
        model.ApplyLive(Event("view", T0.AddMinutes(6), item: "i2"));
        model.Apply(Event("view", T0.AddMinutes(4), item: "i1"), T0.AddMinutes(6));
        model.Apply(Event("view", T0.AddMinutes(3), item: "i0"), T0.AddMinutes(6));

        var items = model.View(T0.AddMinutes(6)).RecentItems;

        Assert.Equal(["i2", "i1", "i0"], items.Select(i => i.ItemId));
        Assert.Equal(T0.AddMinutes(5), items[1].SeenAt);
    }

    [Fact]
    public void EngagementScore_TwoEvents_MatchesClosedForm()
    {
        var model = Model(o => o.EngagementHalfLife = TimeSpan.FromHours(6));
        model.ApplyLive(Event("purchase", T0));
        model.ApplyLive(Event("unknown_type", T0.AddHours(3)));

        var score = model.View(T0.AddHours(6)).EngagementScore;

        Assert.Equal((8 * 0.5) + (1 * Math.Pow(0.5, 0.5)), score, 12);
    }

    [Fact]
    public void IsExpired_ByInactivityTtl_TurnsTrueAfterTtl()
    {
        var model = Model(o => o.InactivityTtl = TimeSpan.FromDays(30));
        Assert.True(model.IsExpired(T0));

        model.ApplyLive(Event("view", T0, value: 2.5));

        Assert.False(model.IsExpired(T0.AddDays(30)));
        Assert.True(model.IsExpired(T0.AddDays(30).AddMilliseconds(1)));
        Assert.Equal(2.5, model.View(T0).ValueSum);
        Assert.Equal(T0, model.LastEventAt);
    }
}
