using Experimentation.Features;
using static Experimentation.Tests.Features.FeatureTestData;

namespace Experimentation.Tests.Features;

public sealed class RollingCountsTests
{
    [Fact]
    public void View_EventFiftyNineSecondsAgo_IsInLastMinute()
    {
        var model = Model();
        model.ApplyLive(Event("click", T0.AddSeconds(-59)));

        Assert.Equal(new WindowCounts(1, 1, 1, 1), model.View(T0).Counts["click"]);
    }

    [Fact]
    public void View_EventSixtyOneSecondsAgo_IsInTenMinutesButNotLastMinute()
    {
        var model = Model();
        model.ApplyLive(Event("click", T0.AddSeconds(-61)));

        Assert.Equal(new WindowCounts(0, 1, 1, 1), model.View(T0).Counts["click"]);
    }

    [Fact]
    public void View_EventUpToOneBucketOlderThanWindow_IsStillCounted()
    {
        // Documented approximation: the 1 min window is 13 five-second buckets, so 3 s into a
        // bucket it reaches back 63 s; here the event is 62 s old.
        var model = Model();
        model.ApplyLive(Event("click", T0.AddSeconds(-59)));

        Assert.Equal(1, model.View(T0.AddSeconds(3)).Counts["click"].LastMinute);
        Assert.Equal(0, model.View(T0.AddSeconds(5)).Counts["click"].LastMinute);
    }

    [Fact]
    public void View_WindowsAcrossTheDay_ExpireInTurn()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0));

        Assert.Equal(new WindowCounts(0, 0, 1, 1), model.View(T0.AddMinutes(30)).Counts["view"]);
        Assert.Equal(new WindowCounts(0, 0, 0, 1), model.View(T0.AddHours(24)).Counts["view"]);
        Assert.False(model.View(T0.AddHours(25)).Counts.ContainsKey("view"));
    }

    [Fact]
    public void Apply_LateEvent_LandsInItsOwnBucket()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0));
        model.ApplyLive(Event("view", T0.AddMinutes(30)));

        var result = model.Apply(Event("view", T0.AddMinutes(5)), T0.AddMinutes(30));

        Assert.Equal(FeatureApplyResult.AppliedLate, result);
        Assert.Equal(new WindowCounts(1, 1, 3, 3), model.View(T0.AddMinutes(30)).Counts["view"]);
        // At +65 min the hour window starts at the +5 min bucket: the late event is in, the first is out.
        Assert.Equal(2, model.View(T0.AddMinutes(65)).Counts["view"].LastHour);
    }

    [Fact]
    public void Apply_AfterRestore_CountsNewSameTimeAndLateEventsAsAModelNeverStored()
    {
        var options = new UserFeatureOptions();
        var live = new UserFeatureModel(options);
        live.ApplyLive(Event("view", T0));
        live.ApplyLive(Event("view", T0.AddMinutes(30)));
        var restored = UserFeatureModel.FromData(live.ToData(), options);

        foreach (var model in new[] { live, restored })
        {
            model.ApplyLive(Event("view", T0.AddMinutes(30)));
            model.ApplyLive(Event("view", T0.AddMinutes(31)));
            model.Apply(Event("view", T0.AddMinutes(29)), T0.AddMinutes(31));
        }

        Assert.Equal(new WindowCounts(3, 4, 5, 5), restored.View(T0.AddMinutes(31)).Counts["view"]);
        Assert.Equal(live.View(T0.AddMinutes(31)).Counts["view"], restored.View(T0.AddMinutes(31)).Counts["view"]);
        Assert.Equal(live.View(T0.AddMinutes(95)).Counts["view"], restored.View(T0.AddMinutes(95)).Counts["view"]);
    }

    [Fact]
    public void Apply_OutOfOrderWithinLateness_CountsInLastMinute()
    {
        var model = Model();
        model.ApplyLive(Event("click", T0));

        var result = model.Apply(Event("click", T0.AddSeconds(-30)), T0);

        Assert.Equal(FeatureApplyResult.Applied, result);
        Assert.Equal(2, model.View(T0).Counts["click"].LastMinute);
    }

    [Fact]
    public void Apply_OlderThanLongestWindow_IsIgnored()
    {
        var model = Model();

        var result = model.Apply(Event("click", T0.AddHours(-24).AddSeconds(-1), item: "i1", category: "c"), T0);

        Assert.Equal(FeatureApplyResult.IgnoredTooOld, result);
        var view = model.View(T0);
        Assert.Equal(0, view.TotalEvents);
        Assert.Empty(view.Counts);
        Assert.Empty(view.RecentItems);
        Assert.Null(view.LastEventAt);
    }

    [Fact]
    public void Apply_MoreTypesThanAllowed_FoldsExtrasIntoOther()
    {
        var model = Model(o => o.MaxEventTypes = 3);
        foreach (var type in new[] { "view", "click", "like", "share", "view" })
        {
            model.ApplyLive(Event(type, T0));
        }

        var counts = model.View(T0).Counts;

        Assert.Equal(["click", "other", "view"], counts.Keys);
        Assert.Equal(2, counts["other"].Last24Hours);
        Assert.Equal(2, counts["view"].Last24Hours);
    }

    [Fact]
    public void Apply_AfterTypeExpired_FreesItsSlot()
    {
        var model = Model(o => o.MaxEventTypes = 2);
        model.ApplyLive(Event("view", T0));
        model.ApplyLive(Event("click", T0.AddHours(26)));

        Assert.Equal(["click"], model.View(T0.AddHours(26)).Counts.Keys);
    }
}
