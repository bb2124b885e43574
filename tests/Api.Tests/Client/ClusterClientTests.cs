using Api.Tests.Gateway;
using Api.Tests.Hosting;
using Grains.Client;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Users;
using TestInfrastructure;

namespace Api.Tests.Client;

/// <summary>The typed client from this test process, against two real silo processes.</summary>
[Collection(ClusterGroup.Name)]
public sealed class ClusterClientTests(ClusterFixture cluster)
{
    [Fact]
    public async Task GetGrain_UsersOnBothSilos_CallsReachTheirOwners()
    {
        using var client = new ClusterClient(new ClusterClientOptions { Seeds = [cluster.First.Address], ApiKey = ApiHost.AdminKey });
        var users = Enumerable.Range(0, 16).Select(i => $"client-user-{i}").ToList();
        var now = DateTimeOffset.UtcNow;

        var accepted = await client.SendEventsAsync(users.Select(user => new InteractionEvent { EventId = user + "-e1", UserId = user, Type = "click", Timestamp = now }));

        Assert.Equal(users.Count, accepted);
        foreach (var user in users)
        {
            var grain = client.GetGrain<IUserGrain>(user);
            UserFeatures? features = null;
            await Eventually.StableAsync(async () => (features = await grain.GetFeaturesAsync()).TotalEvents, total => total >= 1, ClusterFixture.Patience, $"{user} via the client");
            Assert.Equal(1, features!.TotalEvents);
            Assert.Equal(user, features.UserId);
        }
    }

    [Fact]
    public async Task DecideAndRecommend_ServiceKey_Answer()
    {
        using var client = new ClusterClient(new ClusterClientOptions { Seeds = [cluster.Second.Address], ApiKey = ApiHost.ServiceKey });

        var decision = await client.DecideAsync(new DecisionRequest { UserId = "client-decider" });
        var ranked = await client.RecommendAsync(new Grains.Interfaces.Recommendations.RecommendRequest { UserId = "client-decider", Candidates = ["a", "b"], K = 1 });

        Assert.Equal("client-decider", decision.UserId);
        Assert.Single(ranked.Items);
    }

    [Fact]
    public async Task SendEvents_InvalidEvent_ThrowsWithTheFieldErrors()
    {
        using var client = new ClusterClient(new ClusterClientOptions { Seeds = [cluster.First.Address], ApiKey = ApiHost.ServiceKey });

        var failure = await Assert.ThrowsAsync<ClusterApiException>(() => client.SendEventsAsync([new InteractionEvent { EventId = "x", UserId = "ok", Type = "click" }]));

        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("[0].timestamp", failure.Errors.Keys);
    }

    [Fact]
    public async Task GetGrain_ServiceKey_IsForbiddenBecauseGrainCallsNeedAdmin()
    {
        using var client = new ClusterClient(new ClusterClientOptions { Seeds = [cluster.First.Address], ApiKey = ApiHost.ServiceKey });

        var failure = await Assert.ThrowsAsync<Runtime.Abstractions.GrainCallException>(() => client.GetGrain<IUserGrain>("client-user-0").GetFeaturesAsync());

        Assert.Contains("role", failure.Message, StringComparison.Ordinal);
    }
}
