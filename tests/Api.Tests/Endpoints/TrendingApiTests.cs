using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;
using Grains.Interfaces.Trending;
using TestInfrastructure;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class TrendingApiTests(ApiHostFixture fixture)
{
    [Theory]
    [InlineData("?k=0", "k")]
    [InlineData("?k=101", "k")]
    [InlineData("?k=three", "k")]
    [InlineData("?k=-1", "k")]
    [InlineData("?category=%01shoes", "category")]
    [InlineData("?k=0&category=%01", "k,category")]
    public async Task GetTrending_InvalidQuery_Answers400NamingField(string query, string fields)
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/v1/trending" + query);

        await ProblemAssert.HasFieldErrorsAsync(response, fields.Split(','), exact: true);
    }

    [Fact]
    public async Task GetTrending_CategoryTooLong_Answers400NamingCategory()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/v1/trending?category=" + new string('c', 257));

        await ProblemAssert.HasFieldErrorsAsync(response, ["category"], exact: true);
    }

    [Fact]
    public async Task GetTrending_CategoryNobodyClicked_AnswersEmptyList()
    {
        using var client = fixture.Host.Client();
        var category = RealServices.UniqueName("quiet");

        var trending = await client.GetFromJsonAsync($"/v1/trending?category={category}", GrainsJsonContext.Default.TrendingResponse);

        Assert.Equal(category, trending!.Category);
        Assert.Empty(trending.Items);
    }

    [Fact]
    public async Task Trending_ClicksPostedAsEvents_RankedByClicksAndServedByRecommendFallback()
    {
        // Its own silo: recommend falls back to the overall trending list, which clicks from other tests would join.
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client();
        var run = RealServices.UniqueName("tr");
        var category = run + "-cat";
        var (hot, warm, cool) = (run + "-hot", run + "-warm", run + "-cool");
        var now = DateTimeOffset.UtcNow.ToString("O");
        var clicks = new[] { hot, hot, hot, warm, warm, cool }.Select((item, i) =>
            $$"""{"eventId":"{{run}}-e{{i}}","userId":"{{run}}-u{{i}}","type":"click","timestamp":"{{now}}","itemId":"{{item}}","category":"{{category}}"}""");

        using var posted = await client.PostAsync("/v1/events", EventsApiTests.Json("[" + string.Join(",", clicks) + "]"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var ranked = await Eventually.StableAsync(
            async () => string.Join(",", (await client.GetFromJsonAsync($"/v1/trending?category={category}&k=5", GrainsJsonContext.Default.TrendingResponse))!.Items.Select(i => $"{i.ItemId}:{i.Clicks}")),
            value => value.Length > 0 && value.Split(',').Sum(entry => long.Parse(entry[(entry.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture)) >= 6,
            ApiHost.Patience,
            "all six clicks reach the trending grain");
        Assert.Equal($"{hot}:3,{warm}:2,{cool}:1", ranked);
        var overall = await client.GetFromJsonAsync("/v1/trending?k=2", GrainsJsonContext.Default.TrendingResponse);
        Assert.Null(overall!.Category);
        Assert.Equal([new TrendingEntry(hot, 3), new TrendingEntry(warm, 2)], overall.Items);

        // No history and no candidates: recommend ranks the trending snapshot, which every silo caches.
        // A new user per poll: the items one recommend shows are seen in that user's session, and not shown again.
        var newcomers = 0;
        var recommended = await Eventually.StableAsync(
            async () =>
            {
                using var response = await client.PostAsync("/v1/recommend", EventsApiTests.Json($$"""{"userId":"{{run}}-newcomer{{++newcomers}}","k":10}"""));
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync(GrainsJsonContext.Default.RecommendResponse);
                return string.Join(",", body!.Items.Select(i => i.ItemId).Order(StringComparer.Ordinal));
            },
            value => value.Split(',').Length >= 3,
            ApiHost.Patience,
            "recommend falls back to the trending items");
        Assert.Equal(string.Join(",", new[] { hot, warm, cool }.Order(StringComparer.Ordinal)), recommended);
    }
}
