using System.Net;
using System.Net.Http.Json;
using System.Text;
using Api.Tests.Hosting;
using Grains.Interfaces;
using Grains.Interfaces.Users;
using TestInfrastructure;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class EventsApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task PostEvents_InvalidItems_Answers400NamingEachByIndexAndField()
    {
        using var client = fixture.Host.Client();
        var now = DateTimeOffset.UtcNow.ToString("O");
        var body = $$"""
            [
              {"eventId":"ok-1","userId":"ev-a","type":"click","timestamp":"{{now}}"},
              {"eventId":"bad id","userId":"ev-a","type":"click","timestamp":"{{now}}"},
              {"eventId":"e3","userId":"ev-a","type":"Click","timestamp":"{{now}}"},
              {"eventId":"e4","userId":"ev-a","type":"click"},
              {"eventId":"e5","userId":"ev-a","type":"exposure","timestamp":"{{now}}"},
              null
            ]
            """;

        using var response = await client.PostAsync("/v1/events", Json(body));

        await ProblemAssert.HasFieldErrorsAsync(response, ["[1].eventId", "[2].type", "[3].timestamp", "[4].type", "[5]"], exact: true);
    }

    [Fact]
    public async Task PostEvents_OneInvalidItem_WritesNothingFromTheBatch()
    {
        using var client = fixture.Host.Client();
        var now = DateTimeOffset.UtcNow.ToString("O");
        using var rejected = await client.PostAsync("/v1/events", Json($$"""
            [{"eventId":"first","userId":"ev-half","type":"click","timestamp":"{{now}}"},{"eventId":"second","userId":"","type":"click","timestamp":"{{now}}"}]
            """));
        await ProblemAssert.HasFieldErrorsAsync(rejected, ["[1].userId"], exact: true);

        // Same user, same partition, later in its order: once this one is visible, the rejected one would be too.
        using var accepted = await client.PostAsync("/v1/events", Json($$"""[{"eventId":"third","userId":"ev-half","type":"click","timestamp":"{{now}}"}]"""));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, (await accepted.Content.ReadFromJsonAsync(GrainsJsonContext.Default.EventsAccepted))!.Accepted);
        var features = await WaitForEventsAsync(client, "ev-half", 1);
        Assert.Equal(1, features.TotalEvents);
    }

    [Fact]
    public async Task PostEvents_ValidBatch_Answers202AndFeaturesShowIt()
    {
        using var client = fixture.Host.Client();
        var now = DateTimeOffset.UtcNow.ToString("O");
        using var response = await client.PostAsync("/v1/events", Json($$"""
            [
              {"eventId":"v1","userId":"ev-ok","type":"view","timestamp":"{{now}}","itemId":"i1","category":"shoes","sessionId":"s1"},
              {"eventId":"v2","userId":"ev-ok","type":"click","timestamp":"{{now}}","itemId":"i1","category":"shoes","sessionId":"s1"}
            ]
            """));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync(GrainsJsonContext.Default.EventsAccepted))!.Accepted);
        var features = await WaitForEventsAsync(client, "ev-ok", 2);
        Assert.Equal(1, features.Counts["click"]["1m"]);
        Assert.Equal("shoes", features.TopCategories[0].Category);
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("{}", "body")]
    [InlineData("[{\"eventId\": 5}]", "[0].eventId")]
    [InlineData("[{\"eventId\":\"x\",\"timestamp\":\"yesterday\"}]", "[0].timestamp")]
    [InlineData("[{\"eventId\":", "[0].eventId")]
    public async Task PostEvents_MalformedBody_Answers400NamingWhere(string body, string field)
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/v1/events", Json(body));

        await ProblemAssert.HasFieldErrorsAsync(response, [field]);
    }

    [Fact]
    public async Task PostEvents_MoreThan1000_Answers400()
    {
        using var client = fixture.Host.Client();
        var now = DateTimeOffset.UtcNow.ToString("O");
        var items = Enumerable.Range(0, 1001).Select(i => $$"""{"eventId":"m{{i}}","userId":"ev-many","type":"click","timestamp":"{{now}}"}""");

        using var response = await client.PostAsync("/v1/events", Json("[" + string.Join(",", items) + "]"));

        await ProblemAssert.HasFieldErrorsAsync(response, ["body"], exact: true);
    }

    [Fact]
    public async Task PostEvents_NotJson_Answers415Problem()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/v1/events", new StringContent("eventId=1", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task PostEvents_BodyOverTheLimit_Answers413WithoutDetails()
    {
        using var client = fixture.Host.Client();
        var huge = new string('x', 5 * 1024 * 1024);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = Json($$"""[{"eventId":"{{huge}}"}]""") };

        // The server refuses before the body is sent; without 100-continue the client would still be writing it.
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    internal static async Task<UserFeatures> WaitForEventsAsync(HttpClient client, string userId, long events)
    {
        // Settled, not just reached: callers assert the exact count, which a duplicate would exceed a moment later.
        UserFeatures? features = null;
        await Eventually.StableAsync(
            async () => (features = await client.GetFromJsonAsync($"/v1/users/{userId}/features", GrainsJsonContext.Default.UserFeatures))!.TotalEvents,
            total => total >= events,
            ApiHost.Patience,
            $"{userId} has {events} events");
        return features!;
    }
}
