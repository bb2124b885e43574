using System.Net;
using System.Text.Json;
using Api.Tests.Hosting;
using TestInfrastructure;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class ExperimentResultsApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Results_NoExposuresYet_RateAndShareAreJsonNull()
    {
        using var client = fixture.Host.Client();
        using var put = await client.PutAsync("/v1/experiments/results-empty", EventsApiTests.Json(ExperimentsApiTests.AbTest("results-empty")));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var body = await client.GetStringAsync("/v1/experiments/results-empty/results");

        var variant = JsonDocument.Parse(body).RootElement.GetProperty("variants")[0];
        Assert.Equal(JsonValueKind.Null, variant.GetProperty("conversionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, variant.GetProperty("trafficShare").ValueKind);
    }

    [Fact]
    public async Task Results_UsersButNoConversions_UndefinedStatisticsAreJsonNullNeverNaN()
    {
        using var client = fixture.Host.Client();
        using var put = await client.PutAsync("/v1/experiments/results-flat", EventsApiTests.Json(ExperimentsApiTests.AbTest("results-flat")));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await Eventually.TrueAsync(
            async () => (await client.PostAsync("/v1/decide", EventsApiTests.Json("""{"userId":"flat-0","experiments":["results-flat"]}"""))).StatusCode == HttpStatusCode.OK,
            ApiHost.Patience,
            "the definition reaches the decision cache");
        for (var i = 1; i < 40; i++)
        {
            using var decide = await client.PostAsync("/v1/decide", EventsApiTests.Json($$"""{"userId":"flat-{{i}}","experiments":["results-flat"]}"""));
            Assert.Equal(HttpStatusCode.OK, decide.StatusCode);
        }

        var body = "";
        await Eventually.TrueAsync(
            async () => JsonDocument.Parse(body = await client.GetStringAsync("/v1/experiments/results-flat/results")).RootElement.TryGetProperty("analysis", out var analysis)
                && analysis.ValueKind == JsonValueKind.Object,
            ApiHost.Patience,
            "both variants have users");

        Assert.DoesNotContain("NaN", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", body, StringComparison.Ordinal);
        var comparison = JsonDocument.Parse(body).RootElement.GetProperty("analysis").GetProperty("metrics")[0].GetProperty("comparisons")[0];
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("relativeLift").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("zScore").ValueKind);
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("confidenceSequence").GetProperty("lower").ValueKind);
    }

    [Theory]
    [InlineData("Estimate", "value")]
    [InlineData("Estimate", "lower")]
    [InlineData("VariantComparison", "zScore")]
    [InlineData("VariantResult", "conversionRate")]
    [InlineData("VariantResult", "trafficShare")]
    [InlineData("SrmResult", "chiSquare")]
    [InlineData("UserMetricSummary", "meanValue")]
    [InlineData("PosteriorSummary", "variance")]
    public async Task OpenApi_UndefinableStatistic_IsNullableNumber(string schema, string property)
    {
        using var client = fixture.Host.Client();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("\"NaN\"", document, StringComparison.Ordinal);
        var field = JsonDocument.Parse(document).RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty(property);
        var types = field.GetProperty("type").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("number", types);
        Assert.Contains("null", types);
    }
}
