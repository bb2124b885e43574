using System.Net;
using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;
using TestInfrastructure;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class ExperimentsApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Put_InvalidDefinition_Answers400WithEveryReason()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PutAsync("/v1/experiments/broken", EventsApiTests.Json("""
            {"id":"broken","type":"ab","variants":[{"name":"a","weight":0.7},{"name":"a","weight":0.7}],"rewardEventType":"Conversion","holdout":2}
            """));

        var errors = await ProblemAssert.HasFieldErrorsAsync(response, ["variants[1].name", "variants", "rewardEventType", "holdout"], exact: true);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public async Task Put_UnknownType_Answers400NamingType()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PutAsync("/v1/experiments/typo", EventsApiTests.Json("""{"id":"typo","type":"abn","variants":[{"name":"a"},{"name":"b"}]}"""));

        await ProblemAssert.HasFieldErrorsAsync(response, ["type"]);
    }

    [Fact]
    public async Task Put_OneVariant_Answers400NamingVariants()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PutAsync("/v1/experiments/lonely", EventsApiTests.Json("""{"id":"lonely","type":"ab","variants":[{"name":"a","weight":1}]}"""));

        await ProblemAssert.HasFieldErrorsAsync(response, ["variants"], exact: true);
    }

    [Theory]
    [InlineData("GET", "/v1/experiments/bad%20id")]
    [InlineData("GET", "/v1/experiments/bad%20id/results")]
    [InlineData("POST", "/v1/experiments/bad%20id/stop")]
    [InlineData("PUT", "/v1/experiments/bad%20id")]
    public async Task AnyRoute_InvalidId_Answers400NamingId(string method, string path)
    {
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = EventsApiTests.Json(AbTest("bad id")) };

        using var response = await client.SendAsync(request);

        await ProblemAssert.HasFieldErrorsAsync(response, ["id"], exact: true);
    }

    [Theory]
    [InlineData("GET", "/v1/experiments/never-defined")]
    [InlineData("GET", "/v1/experiments/never-defined/results")]
    [InlineData("POST", "/v1/experiments/never-defined/stop")]
    public async Task AnyRoute_UnknownExperiment_Answers404Problem(string method, string path)
    {
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutGetListStop_ValidDefinition_RoundTrips()
    {
        using var client = fixture.Host.Client();

        using var put = await client.PutAsync("/v1/experiments/round-trip", EventsApiTests.Json(AbTest("round-trip")));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = await put.Content.ReadFromJsonAsync(GrainsJsonContext.Default.ExperimentDefinition);
        Assert.Equal(1, stored!.Version);
        var read = await client.GetFromJsonAsync("/v1/experiments/round-trip", GrainsJsonContext.Default.ExperimentDefinition);
        Assert.Equal("ab", read!.Type);
        await Eventually.TrueAsync(
            async () => (await client.GetFromJsonAsync("/v1/experiments", GrainsJsonContext.Default.ListExperimentDefinition))!.Exists(d => d.Id == "round-trip"),
            ApiHost.Patience,
            "the list shows round-trip");
        using var stop = await client.PostAsync("/v1/experiments/round-trip/stop", null);
        Assert.Equal("stopped", (await stop.Content.ReadFromJsonAsync(GrainsJsonContext.Default.ExperimentDefinition))!.Status);
        var results = await client.GetFromJsonAsync("/v1/experiments/round-trip/results", GrainsJsonContext.Default.ExperimentResults);
        Assert.Equal(2, results!.Variants.Count);
    }

    internal static string AbTest(string id) => $$$"""
        {"id":"{{{id}}}","type":"ab","variants":[{"name":"control","weight":0.5,"config":{"color":"blue"}},{"name":"green","weight":0.5,"config":{"color":"green"}}],
         "rewardEventType":"conversion","attributionWindowSeconds":3600}
        """;
}
