using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;
using Grains.Interfaces.Experiments;
using TestInfrastructure;

namespace Api.Tests.Endpoints;

/// <summary>
/// What a new user does: decide, then send the conversion at once, stamped by a client clock with
/// millisecond precision. Exposures carry the server's time, so without a clock-skew tolerance such
/// conversions were mostly lost.
/// </summary>
[Collection(EmbeddedSiloGroup.Name)]
public sealed class RewardAttributionApiTests(ApiHostFixture fixture)
{
    private const int Users = 40;

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(2000)]
    public async Task DecideThenConvert_ClientClockBehind_EveryConversionCreditedOnce(int clientBehindMs)
    {
        using var client = fixture.Host.Client();
        var experiment = $"skew-{clientBehindMs}";
        using var put = await client.PutAsync($"/v1/experiments/{experiment}", EventsApiTests.Json(ExperimentsApiTests.AbTest(experiment)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await Eventually.TrueAsync(
            async () => (await client.PostAsync("/v1/decide", EventsApiTests.Json($$"""{"userId":"{{experiment}}-probe","experiments":["{{experiment}}"]}"""))).StatusCode == HttpStatusCode.OK,
            ApiHost.Patience,
            "the definition reaches the decision cache");

        for (var i = 0; i < Users; i++)
        {
            var user = $"{experiment}-user-{i}";
            using var decide = await client.PostAsync("/v1/decide", EventsApiTests.Json($$"""{"userId":"{{user}}","experiments":["{{experiment}}"]}"""));
            Assert.Equal(HttpStatusCode.OK, decide.StatusCode);
            var stamp = (DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(clientBehindMs)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            using var conversion = await client.PostAsync("/v1/events", EventsApiTests.Json($$"""[{"eventId":"conv-{{user}}","userId":"{{user}}","type":"conversion","timestamp":"{{stamp}}"}]"""));
            Assert.Equal(HttpStatusCode.Accepted, conversion.StatusCode);
        }

        ExperimentResults? results = null;
        await Eventually.StableAsync(
            async () =>
            {
                results = await client.GetFromJsonAsync($"/v1/experiments/{experiment}/results", GrainsJsonContext.Default.ExperimentResults);
                return (Exposures: results!.Variants.Sum(v => v.Exposures), Conversions: results.Variants.Sum(v => v.Conversions), Converted: results.Analysis?.Metrics[0].Variants.Sum(v => v.ConvertedUsers));
            },
            counts => counts.Conversions >= Users && counts.Exposures >= Users + 1 && counts.Converted >= Users,
            ApiHost.Patience,
            "every conversion credited, and no more");

        Assert.Equal(Users + 1, results!.Variants.Sum(v => v.Exposures));
        Assert.Equal(Users, results.Variants.Sum(v => v.Conversions));
        Assert.Equal(Users, results.Analysis!.Metrics[0].Variants.Sum(v => v.ConvertedUsers));
    }
}
