using Experimentation.Features;
using static Experimentation.Tests.Features.FeatureTestData;

namespace Experimentation.Tests.Features;

public sealed class SessionTests
{
    [Fact]
    public void Session_EventsWithinGap_OneSessionWithDurationAndCount()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0));
        model.ApplyLive(Event("view", T0.AddMinutes(5)));
        model.ApplyLive(Event("view", T0.AddMinutes(35)));

        var session = model.View(T0.AddMinutes(40)).Session;

        Assert.NotNull(session);
        Assert.Equal($"s-{T0.ToUnixTimeMilliseconds()}", session.Id);
        Assert.Equal(T0, session.Start);
        Assert.Equal(3, session.EventCount);
        Assert.Equal(TimeSpan.FromMinutes(35), session.Duration);
        Assert.True(session.IsActive);
    }

    [Fact]
    public void Session_GapLongerThanSessionGap_StartsNewSession()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0));
        model.ApplyLive(Event("view", T0.AddMinutes(30).AddSeconds(1)));

        var session = model.View(T0.AddMinutes(31)).Session!;

        Assert.Equal(T0.AddMinutes(30).AddSeconds(1), session.Start);
        Assert.Equal(1, session.EventCount);
        Assert.Equal(TimeSpan.Zero, session.Duration);
    }

    [Fact]
    public void Session_DifferentSessionId_StartsNewSession()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0, session: "a"));
        model.ApplyLive(Event("view", T0.AddMinutes(1), session: "a"));
        model.ApplyLive(Event("view", T0.AddMinutes(2)));
        model.ApplyLive(Event("view", T0.AddMinutes(3), session: "b"));

        var session = model.View(T0.AddMinutes(3)).Session!;

        Assert.Equal("b", session.Id);
        Assert.Equal(1, session.EventCount);
    }

    [Fact]
    public void Session_NoEventWithinGap_IsInactive()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0));

        Assert.False(model.View(T0.AddMinutes(31)).Session!.IsActive);
    }

    [Fact]
    public void Session_LateEventInsideSession_IsCounted()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0.AddMinutes(10)));
        model.ApplyLive(Event("view", T0.AddMinutes(20)));

        model.Apply(Event("view", T0.AddMinutes(17)), T0.AddMinutes(20));

        var session = model.View(T0.AddMinutes(20)).Session!;
        Assert.Equal(3, session.EventCount);
        Assert.Equal(T0.AddMinutes(10), session.Start);
    }

    [Fact]
    public void Session_OutOfOrderEventBeforeStart_MovesStartEarlier()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0.AddMinutes(10)));
        model.ApplyLive(Event("view", T0.AddMinutes(12)));

        model.Apply(Event("view", T0.AddMinutes(8)), T0.AddMinutes(12));

        var session = model.View(T0.AddMinutes(12)).Session!;
        Assert.Equal(T0.AddMinutes(8), session.Start);
        Assert.Equal(TimeSpan.FromMinutes(4), session.Duration);
        Assert.Equal(3, session.EventCount);
    }

    [Fact]
    public void Session_EventLaterThanAllowedLateness_IsNotCountedInSession()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0));
        model.ApplyLive(Event("view", T0.AddMinutes(20)));

        var result = model.Apply(Event("view", T0.AddMinutes(5)), T0.AddMinutes(20));

        var view = model.View(T0.AddMinutes(20));
        Assert.Equal(FeatureApplyResult.AppliedLate, result);
        Assert.Equal(2, view.Session!.EventCount);
        Assert.Equal(3, view.Counts["view"].Last24Hours);
    }

    [Fact]
    public void ItemsInCurrentSession_ItemsFromEarlierSession_AreLeftOut()
    {
        var model = Model();
        model.ApplyLive(Event("view", T0, session: "a", item: "old"));
        model.ApplyLive(Event("view", T0.AddMinutes(1), session: "b", item: "new1"));
        model.ApplyLive(Event("click", T0.AddMinutes(2), item: "new2"));

        var view = model.View(T0.AddMinutes(2));

        Assert.Equal(["new2", "new1"], view.ItemsInCurrentSession().Select(i => i.ItemId));
        Assert.Equal(3, view.RecentItems.Count);
    }
}
