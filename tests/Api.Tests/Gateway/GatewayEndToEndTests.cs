using System.Net;
using System.Net.Http.Json;
using Api.Tests.Endpoints;
using Api.Tests.Hosting;
using Grains.Interfaces;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Users;
using TestInfrastructure;

namespace Api.Tests.Gateway;

/// <summary>Everything through the standalone gateway, in front of two silos on real Kafka and PostgreSQL.</summary>
[Collection(ClusterGroup.Name)]
public sealed class GatewayEndToEndTests(ClusterFixture cluster)
{
    [Fact]
    public async Task PostEvents_ThroughGateway_FeaturesVisibleForUsersOnBothSilos()
    {
        using var service = ClusterFixture.Client(cluster.Gateway, ApiHost.ServiceKey);
        var now = DateTimeOffset.UtcNow.ToString("O");
        var users = Enumerable.Range(0, 12).Select(i => $"gw-ingest-{i}").ToList();
        var batch = users.SelectMany(user => new[]
        {
            $$"""{"eventId":"{{user}}-1","userId":"{{user}}","type":"view","timestamp":"{{now}}","itemId":"i1","category":"books","sessionId":"s1"}""",
            $$"""{"eventId":"{{user}}-2","userId":"{{user}}","type":"click","timestamp":"{{now}}","itemId":"i1","category":"books","sessionId":"s1"}""",
        });

        using var response = await service.PostAsync("/v1/events", EventsApiTests.Json("[" + string.Join(",", batch) + "]"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(24, (await response.Content.ReadFromJsonAsync(GrainsJsonContext.Default.EventsAccepted))!.Accepted);
        foreach (var user in users)
        {
            var features = await EventsApiTests.WaitForEventsAsync(service, user, 2);
            Assert.Equal(2, features.TotalEvents);
            Assert.Equal(1, features.Counts["click"]["1m"]);
            Assert.Equal("books", features.TopCategories[0].Category);
        }
    }

    [Fact]
    public async Task DecideExposureConversion_ThroughGateway_ResultsCountEachOnce()
    {
        using var admin = ClusterFixture.Client(cluster.Gateway, ApiHost.AdminKey);
        using var service = ClusterFixture.Client(cluster.Gateway, ApiHost.ServiceKey);
        using var put = await admin.PutAsync("/v1/experiments/gw-checkout", EventsApiTests.Json(ExperimentsApiTests.AbTest("gw-checkout")));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        HttpResponseMessage? decided = null;
        await Eventually.TrueAsync(
            async () => (decided = await service.PostAsync("/v1/decide", EventsApiTests.Json("""{"userId":"gw-buyer","experiments":["gw-checkout"]}"""))).StatusCode == HttpStatusCode.OK,
            ClusterFixture.Patience,
            $"the definition reaches the owner's decision cache ({cluster.Logs})");
        var decision = Assert.Single((await decided!.Content.ReadFromJsonAsync(GrainsJsonContext.Default.DecisionResponse))!.Decisions);
        decided.Dispose();

        // The exposure must be in the user's stream before the conversion, or the conversion has nothing to credit.
        await Eventually.TrueAsync(
            async () => (await service.GetFromJsonAsync("/v1/users/gw-buyer/features", GrainsJsonContext.Default.UserFeatures))!.Counts.ContainsKey("exposure"),
            ClusterFixture.Patience,
            "the exposure is applied");
        var conversion = $$"""[{"eventId":"gw-buy-1","userId":"gw-buyer","type":"conversion","timestamp":"{{DateTimeOffset.UtcNow:O}}"}]""";
        using var converted = await service.PostAsync("/v1/events", EventsApiTests.Json(conversion));
        using var resent = await service.PostAsync("/v1/events", EventsApiTests.Json(conversion));
        Assert.Equal(HttpStatusCode.Accepted, converted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);

        ExperimentResults? results = null;
        await Eventually.StableAsync(
            async () =>
            {
                results = await admin.GetFromJsonAsync("/v1/experiments/gw-checkout/results", GrainsJsonContext.Default.ExperimentResults);
                return (Exposures: results!.Variants.Sum(v => v.Exposures), Conversions: results.Variants.Sum(v => v.Conversions));
            },
            counts => counts.Conversions >= 1,
            ClusterFixture.Patience,
            $"the conversion is credited ({cluster.Logs})");
        Assert.Equal(1, results!.Variants.Sum(v => v.Exposures));
        Assert.Equal(1, results.Variants.Sum(v => v.Conversions));
        var credited = Assert.Single(results.Variants, v => v.Conversions == 1);
        Assert.Equal(decision.Variant, credited.Name);
        Assert.Equal(1, credited.Exposures);
    }

    [Fact]
    public async Task InvalidAndUnauthenticated_ThroughGateway_AnswerProblemsFromTheEdge()
    {
        using var anonymous = ClusterFixture.Client(cluster.Gateway, null);
        using var service = ClusterFixture.Client(cluster.Gateway, ApiHost.ServiceKey);

        using var noKey = await anonymous.GetAsync("/v1/users/u1/features");
        using var forbidden = await service.GetAsync("/v1/cluster");
        using var invalid = await service.PostAsync("/v1/events", EventsApiTests.Json("""[{"eventId":"x","userId":"u 1","type":"click","timestamp":"2026-01-01T00:00:00Z"}]"""));

        await ProblemAssert.IsProblemAsync(noKey, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden);
        await ProblemAssert.HasFieldErrorsAsync(invalid, ["[0].userId"], exact: true);
    }

    [Fact]
    public async Task GetCluster_ThroughGateway_ShowsBothSilosAndStatisticsOfEveryPartition()
    {
        using var admin = ClusterFixture.Client(cluster.Gateway, ApiHost.AdminKey);

        var status = await admin.GetFromJsonAsync("/v1/cluster", GrainsJsonContext.Default.ClusterStatus);

        Assert.Equal("cluster", status!.Mode);
        Assert.Equal(2, status.Silos.Count(s => s.Status == "active"));
        Assert.Equal(status.PartitionCount, status.Partitions.Count);
        Assert.All(status.Partitions, p =>
        {
            Assert.Equal("running", p.Status);
            Assert.NotNull(p.Lag);
            Assert.NotNull(p.ActivationsByType);
        });
    }
}
