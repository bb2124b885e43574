using Grains.Experiments;

namespace Grains.Tests.Experiments;

public sealed class ExposureBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]
    [InlineData(3600, true)]
    [InlineData(3601, false)]
    [InlineData(-1, false)]
    public void Credit_RewardRelativeToWindow_CreditedOnlyInsideIt(int secondsAfterExposure, bool credited)
    {
        List<Exposure> book = [Exposure("exp", T0, window: 3600)];

        var result = ExposureBook.Credit(book, "conversion", T0.AddSeconds(secondsAfterExposure));

        Assert.Equal(credited ? 1 : 0, result.Count);
    }

    [Fact]
    public void Credit_SecondReward_CreditsTheDecisionOnlyOnce()
    {
        List<Exposure> book = [Exposure("exp", T0)];

        var first = ExposureBook.Credit(book, "conversion", T0.AddMinutes(1));
        var second = ExposureBook.Credit(book, "conversion", T0.AddMinutes(2));

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public void Credit_OtherEventType_CreditsNothing()
    {
        List<Exposure> book = [Exposure("exp", T0)];

        Assert.Empty(ExposureBook.Credit(book, "click", T0.AddMinutes(1)));
        Assert.False(book[0].Credited);
    }

    [Fact]
    public void Record_NewerExposure_ReplacesTheOlderSoRewardsGoToTheMostRecent()
    {
        List<Exposure> book = [];
        ExposureBook.Record(book, Exposure("exp", T0, decision: "d1"));
        ExposureBook.Record(book, Exposure("exp", T0.AddMinutes(5), decision: "d2"));

        var credited = ExposureBook.Credit(book, "conversion", T0.AddMinutes(6));

        Assert.Equal("d2", Assert.Single(credited).DecisionId);
    }

    [Fact]
    public void Record_OlderExposureReplayedLate_IsIgnored()
    {
        List<Exposure> book = [];
        ExposureBook.Record(book, Exposure("exp", T0.AddMinutes(5), decision: "d2"));

        var recorded = ExposureBook.Record(book, Exposure("exp", T0, decision: "d1"));

        Assert.False(recorded);
        Assert.Equal("d2", Assert.Single(book).DecisionId);
    }

    [Fact]
    public void Record_MoreExperimentsThanTheBound_KeepsTheNewest()
    {
        List<Exposure> book = [];
        for (var i = 0; i < ExposureBook.MaxExposures + 10; i++)
        {
            ExposureBook.Record(book, Exposure($"exp-{i}", T0.AddSeconds(i), window: 86_400));
        }

        Assert.Equal(ExposureBook.MaxExposures, book.Count);
        Assert.DoesNotContain(book, e => e.ExperimentId == "exp-0");
        Assert.Contains(book, e => e.ExperimentId == $"exp-{ExposureBook.MaxExposures + 9}");
    }

    private static Exposure Exposure(string experiment, DateTimeOffset at, long window = 3600, string decision = "d") => new()
    {
        ExperimentId = experiment,
        Variant = "a",
        DecisionId = decision,
        Propensity = 0.5,
        RewardEventType = "conversion",
        WindowSeconds = window,
        At = at,
    };
}
