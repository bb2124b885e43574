using Grains.Decisions;
using Grains.Interfaces.Experiments;
using Microsoft.Extensions.Options;

namespace Grains.Tests.Decisions;

public sealed class ExposureDeduplicatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ExperimentDefinition Day = new() { Id = "exp", Version = 3, AttributionWindowSeconds = 86_400 };

    [Fact]
    public void ShouldLog_FirstExposure_True()
    {
        Assert.True(Deduplicator().ShouldLog("user-1", Day, "treatment", Now));
    }

    [Fact]
    public void ShouldLog_RepeatWithinTheWindow_False()
    {
        var deduplicator = LoggedOnce(Day);

        Assert.False(deduplicator.ShouldLog("user-1", Day, "treatment", Now.AddSeconds(1)));
        Assert.False(deduplicator.ShouldLog("user-1", Day, "treatment", Now.AddMinutes(5).AddSeconds(-1)));
    }

    [Fact]
    public void ShouldLog_RepeatOnceTheWindowHasPassed_TrueAndTheWindowRestarts()
    {
        var deduplicator = LoggedOnce(Day);

        Assert.True(deduplicator.ShouldLog("user-1", Day, "treatment", Now.AddMinutes(5)));
        Assert.False(deduplicator.ShouldLog("user-1", Day, "treatment", Now.AddMinutes(6)));
    }

    [Fact]
    public void ShouldLog_OtherUserVariantExperimentOrVersion_True()
    {
        var deduplicator = LoggedOnce(Day);

        Assert.True(deduplicator.ShouldLog("user-2", Day, "treatment", Now));
        Assert.True(deduplicator.ShouldLog("user-1", Day, "control", Now));
        Assert.True(deduplicator.ShouldLog("user-1", Day with { Id = "other" }, "treatment", Now));
        Assert.True(deduplicator.ShouldLog("user-1", Day with { Version = 4 }, "treatment", Now));
    }

    [Fact]
    public void ShouldLog_ShortAttributionWindow_DedupsForATenthOfIt()
    {
        var minute = Day with { AttributionWindowSeconds = 60 };
        var deduplicator = LoggedOnce(minute);

        Assert.False(deduplicator.ShouldLog("user-1", minute, "treatment", Now.AddSeconds(5)));
        Assert.True(deduplicator.ShouldLog("user-1", minute, "treatment", Now.AddSeconds(6)));
    }

    [Fact]
    public void ShouldLog_AttributionWindowUnderTenSeconds_AlwaysTrue()
    {
        var short9 = Day with { AttributionWindowSeconds = 9 };
        var deduplicator = LoggedOnce(short9);

        Assert.True(deduplicator.ShouldLog("user-1", short9, "treatment", Now));
    }

    [Fact]
    public void ShouldLog_WindowZero_AlwaysTrue()
    {
        var deduplicator = LoggedOnce(Day, TimeSpan.Zero);

        Assert.True(deduplicator.ShouldLog("user-1", Day, "treatment", Now));
    }

    [Fact]
    public void ShouldLog_ClockSteppedBack_True()
    {
        var deduplicator = LoggedOnce(Day);

        Assert.True(deduplicator.ShouldLog("user-1", Day, "treatment", Now.AddSeconds(-1)));
    }

    [Fact]
    public void ShouldLog_ManyMoreUsersThanSlots_EveryFirstExposureIsLogged()
    {
        var deduplicator = Deduplicator(slots: DecisionOptionsValidator.MinSlots);

        var logged = Enumerable.Range(0, 100_000).Count(i => deduplicator.ShouldLog($"user-{i}", Day, "treatment", Now));

        Assert.Equal(100_000, logged);
    }

    [Fact]
    public void ShouldLog_KeysSharingBuckets_EachRepeatIsDeduplicated()
    {
        // 300 keys in 4,096 slots: a direct-mapped table would hold pairs (six here) that evict each other at every visit.
        var deduplicator = Deduplicator(slots: 4096);
        var users = Enumerable.Range(0, 300).Select(i => $"user-{i}").ToList();
        users.ForEach(user => deduplicator.ShouldLog(user, Day, "treatment", Now));

        var relogged = users.Count(user => deduplicator.ShouldLog(user, Day, "treatment", Now.AddSeconds(1)));

        Assert.Equal(0, relogged);
    }

    /// <summary>A deduplicator that has logged user-1's exposure to <paramref name="experiment"/>'s treatment at <see cref="Now"/>.</summary>
    private static ExposureDeduplicator LoggedOnce(ExperimentDefinition experiment, TimeSpan? window = null)
    {
        var deduplicator = Deduplicator(window);
        deduplicator.ShouldLog("user-1", experiment, "treatment", Now);
        return deduplicator;
    }

    private static ExposureDeduplicator Deduplicator(TimeSpan? window = null, int slots = 1 << 12) =>
        new(Options.Create(new DecisionOptions { ExposureDedupWindow = window ?? TimeSpan.FromMinutes(5), ExposureDedupSlots = slots }));
}
