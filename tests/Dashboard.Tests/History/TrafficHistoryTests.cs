using Dashboard.History;
using Grains.Experiments;
using Grains.Interfaces.Experiments;

namespace Dashboard.Tests.History;

public sealed class TrafficHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_NewExposures_PointHasShareOfTheInterval()
    {
        var history = new TrafficHistory(100);
        history.Observe([Snapshot("exp", 10, 10)], Start);
        history.Observe([Snapshot("exp", 40, 20)], Start.AddSeconds(2));

        var point = Assert.Single(history.Of("exp", Start.AddSeconds(1)));
        Assert.Equal([40L, 20L], point.Exposures);
        Assert.Equal(0.75, point.Share[0], 12);
        Assert.Equal(0.25, point.Share[1], 12);
    }

    [Fact]
    public void Observe_NoNewExposures_AddsNoPoint()
    {
        var history = new TrafficHistory(100);
        history.Observe([Snapshot("exp", 5, 5)], Start);
        history.Observe([Snapshot("exp", 5, 5)], Start.AddSeconds(2));

        Assert.Equal(Start, Assert.Single(history.Of("exp", Start)).At);
    }

    [Fact]
    public void Observe_FirstSightingWithExposures_CountsFromZero()
    {
        var history = new TrafficHistory(100);
        history.Observe([Snapshot("exp", 30, 10)], Start);

        var point = Assert.Single(history.Of("exp", Start));
        Assert.Equal([0.75, 0.25], point.Share);
    }

    [Fact]
    public void Observe_CountsReset_StartsFromNewBaseline()
    {
        var history = new TrafficHistory(100);
        history.Observe([Snapshot("exp", 50, 50)], Start);
        history.Observe([Snapshot("exp", 1, 0)], Start.AddSeconds(2));
        history.Observe([Snapshot("exp", 1, 3)], Start.AddSeconds(4));

        var point = Assert.Single(history.Of("exp", Start.AddSeconds(1)));
        Assert.Equal(Start.AddSeconds(4), point.At);
        Assert.Equal([0.0, 1.0], point.Share);
    }

    [Fact]
    public void Of_From_DropsOlderPoints()
    {
        var history = new TrafficHistory(100);
        history.Observe([Snapshot("exp", 0, 0)], Start);
        history.Observe([Snapshot("exp", 1, 0)], Start.AddMinutes(1));
        history.Observe([Snapshot("exp", 1, 1)], Start.AddMinutes(2));

        var point = Assert.Single(history.Of("exp", Start.AddMinutes(1.5)));
        Assert.Equal(Start.AddMinutes(2), point.At);
    }

    private static ExperimentSnapshot Snapshot(string id, params long[] exposures) => new()
    {
        Definition = new ExperimentDefinition { Id = id },
        Exposures = exposures,
        Conversions = new long[exposures.Length],
    };
}
