using Grains.Interfaces.Users;
using Grains.Recommendations;

namespace Grains.Tests.Recommendations;

public sealed class RecommendationLearningTests
{
    private static readonly string[] Shoes = [.. Enumerable.Range(0, 10).Select(i => $"shoe-{i}")];
    private static readonly string[] Books = [.. Enumerable.Range(0, 10).Select(i => $"book-{i}")];

    [Fact]
    public void Rank_SegmentsPreferDifferentCategories_EachSegmentLearnsItsOwn()
    {
        var random = new Random(7);
        var candidates = Shoes.Concat(Books).ToList();
        var items = candidates.ToDictionary(id => id, id => new ItemRecord { ItemId = id, Category = id.StartsWith("shoe", StringComparison.Ordinal) ? "shoes" : "books" });
        var empty = new UserFeatures();
        for (var round = 0; round < 3000; round++)
        {
            var segment = round % 2 == 0 ? "device=mobile" : "device=desktop";
            foreach (var shown in RecommendationService.Rank(candidates, items, empty, segment, 3, random))
            {
                var item = items[shown.ItemId];
                var liked = (segment == "device=mobile") == (item.Category == "shoes");
                var clicked = random.NextDouble() < (liked ? 0.3 : 0.03);
                Record(item, segment, clicked);
            }
        }

        Assert.True(ShareOf("shoes", "device=mobile") >= 0.9, $"mobile users get shoes {ShareOf("shoes", "device=mobile"):P0} of the time");
        Assert.True(ShareOf("books", "device=desktop") >= 0.9, $"desktop users get books {ShareOf("books", "device=desktop"):P0} of the time");

        double ShareOf(string category, string segment)
        {
            var ranked = Enumerable.Range(0, 100).SelectMany(_ => RecommendationService.Rank(candidates, items, empty, segment, 3, random)).ToList();
            return ranked.Count(r => items[r.ItemId].Category == category) / (double)ranked.Count;
        }
    }

    [Fact]
    public void Rank_EqualStatistics_AffinityLiftsTheUsersCategory()
    {
        var candidates = new List<string> { "shoe-1", "book-1" };
        var items = new Dictionary<string, ItemRecord>
        {
            ["shoe-1"] = new() { ItemId = "shoe-1", Category = "shoes", Impressions = 1000, Clicks = 100 },
            ["book-1"] = new() { ItemId = "book-1", Category = "books", Impressions = 1000, Clicks = 100 },
        };
        var fan = new UserFeatures { TopCategories = [new CategoryAffinity("shoes", 4.0)] };

        var first = Enumerable.Range(0, 200).Select(_ => RecommendationService.Rank(candidates, items, fan, "", 1, new Random(_))[0].ItemId).ToList();

        Assert.True(first.Count(id => id == "shoe-1") > 190);
    }

    [Fact]
    public void Rank_ReturnedItems_CarryTheirInclusionProbability()
    {
        var candidates = new List<string> { "a", "b", "c" };
        var items = candidates.ToDictionary(id => id, id => new ItemRecord { ItemId = id, Impressions = 100, Clicks = id == "a" ? 50 : 5 });

        var ranked = RecommendationService.Rank(candidates, items, new UserFeatures(), "", 2, new Random(3));

        Assert.Equal("a", ranked[0].ItemId);
        Assert.Equal(1.0, ranked[0].Propensity);

        // b and c are exchangeable, so each makes the second slot about half of the time.
        Assert.InRange(ranked[1].Propensity, 0.35, 0.65);
    }

    [Fact]
    public void SeenInSession_ActiveSession_ExcludesOnlyItsItems()
    {
        var now = DateTimeOffset.UnixEpoch;
        var features = new UserFeatures
        {
            Session = new UserSessionInfo("s2", now, now, 2, 0, IsActive: true),
            RecentItems = [new RecentItemInfo("new", now, "s2"), new RecentItemInfo("old", now, "s1")],
        };

        Assert.Equal(["new"], RecommendationService.SeenInSession(features));
        Assert.Empty(RecommendationService.SeenInSession(features with { Session = features.Session with { IsActive = false } }));
    }

    private static void Record(ItemRecord item, string segment, bool clicked)
    {
        item.Impressions++;
        item.Clicks += clicked ? 1 : 0;
        var counts = item.Segments.TryGetValue(segment, out var existing) ? existing : item.Segments[segment] = new long[2];
        counts[0]++;
        counts[1] += clicked ? 1 : 0;
    }
}
