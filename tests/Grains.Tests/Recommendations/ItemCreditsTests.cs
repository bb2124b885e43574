using Grains.Recommendations;

namespace Grains.Tests.Recommendations;

public sealed class ItemCreditsTests
{
    [Fact]
    public void Combine_SameItemAndSegment_AddsCountsAndKeepsAKnownCategory()
    {
        var pending = ItemCredits.Of(new ItemCredit { ItemId = "i1", Category = "books", Impressions = 2 });
        pending = ItemCredits.Combine(pending, ItemCredits.Of(new ItemCredit { ItemId = "i1", Clicks = 1 }));
        pending = ItemCredits.Combine(pending, ItemCredits.Of(new ItemCredit { ItemId = "i1", Segment = "device=mobile", Impressions = 1 }));
        pending = ItemCredits.Combine(pending, ItemCredits.Of(new ItemCredit { ItemId = "i2", Category = "games", Impressions = 3 }));

        Assert.Equal(3, pending.Items.Count);
        var first = pending.Items[0];
        Assert.Equal(("i1", "books", "", 2L, 1L), (first.ItemId, first.Category, first.Segment, first.Impressions, first.Clicks));
        Assert.Equal(1, pending.Items.Single(i => i.Segment == "device=mobile").Impressions);
        Assert.Equal(3, pending.Items.Single(i => i.ItemId == "i2").Impressions);
    }
}
