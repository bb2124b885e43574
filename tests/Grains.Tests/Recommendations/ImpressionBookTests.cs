using Grains.Recommendations;

namespace Grains.Tests.Recommendations;

public sealed class ImpressionBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Click_TwoImpressionsOfTheItem_CreditsTheLatestOnce()
    {
        List<Impression> book = [Shown("a", T0, "d1"), Shown("a", T0.AddMinutes(2), "d2"), Shown("b", T0.AddMinutes(3), "d3")];

        var first = ImpressionBook.Click(book, "a", T0.AddMinutes(5));
        var second = ImpressionBook.Click(book, "a", T0.AddMinutes(6));

        Assert.Equal("d2", first?.DecisionId);
        Assert.Equal("d1", second?.DecisionId);
        Assert.False(book[2].Clicked);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    [InlineData(-1, false)]
    public void Click_RelativeToWindow_CreditsOnlyInsideIt(int minutesAfterImpression, bool credited)
    {
        List<Impression> book = [Shown("a", T0, "d1")];

        var impression = ImpressionBook.Click(book, "a", T0.AddMinutes(minutesAfterImpression));

        Assert.Equal(credited, impression is not null);
        Assert.Equal(credited, book[0].Clicked);
    }

    [Fact]
    public void Click_OtherItem_CreditsNothing()
    {
        List<Impression> book = [Shown("a", T0, "d1")];

        Assert.Null(ImpressionBook.Click(book, "b", T0.AddMinutes(1)));
        Assert.False(book[0].Clicked);
    }

    private static Impression Shown(string item, DateTimeOffset at, string decision) =>
        new() { ItemId = item, At = at, DecisionId = decision, Propensity = 0.5, Segment = "all" };
}
