using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Client;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Grains.Interfaces.Users;
using Runtime.Abstractions;
using TestInfrastructure;

namespace Api.Tests.Gateway;

/// <summary>A silo dies (SIGKILL) under the gateway and the typed client: their requests wait out the rebalance and succeed.</summary>
public sealed class GatewayRebalanceTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task KillMinus9_OwnerOfHalfTheUsers_GatewayAndClientRetryUntilTheSurvivorAnswers()
    {
        using var admin = ClusterFixture.Client(cluster.Gateway, ApiHost.AdminKey);
        var directory = (await admin.GetFromJsonAsync("/v1/cluster?stats=false", GrainsJsonContext.Default.ClusterStatus))!;
        var victimAddress = cluster.Second.Address.ToString().TrimEnd('/');
        var onVictim = Enumerable.Range(0, 200).Select(i => $"moving-{i}")
            .Where(user => directory.Partitions[GrainPartitioner.PartitionOf(user, directory.PartitionCount)].OwnerAddress == victimAddress)
            .Take(6)
            .ToList();
        Assert.Equal(6, onVictim.Count);
        using var client = new ClusterClient(new ClusterClientOptions { Seeds = [cluster.First.Address, cluster.Second.Address], ApiKey = ApiHost.AdminKey, RetryTimeout = TimeSpan.FromSeconds(60) });
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(onVictim.Count, await client.SendEventsAsync(onVictim.Select(user => new InteractionEvent { EventId = user + "-1", UserId = user, Type = "click", Timestamp = now })));
        foreach (var user in onVictim)
        {
            await Eventually.TrueAsync(async () => (await client.GetGrain<IUserGrain>(user).GetFeaturesAsync()).TotalEvents == 1, ClusterFixture.Patience, $"{user} applied");
        }

        cluster.Second.KillHard();

        // One request each, no polling here: the gateway and the client retry on their own across the move.
        var throughGateway = onVictim.Select(async user => (await admin.GetFromJsonAsync($"/v1/users/{user}/features", GrainsJsonContext.Default.UserFeatures))!);
        var throughClient = onVictim.Select(user => client.GetGrain<IUserGrain>(user).GetFeaturesAsync());
        var answers = await Task.WhenAll(throughGateway.Concat(throughClient));
        Assert.Equal(2 * onVictim.Count, answers.Length);
        Assert.All(answers, features => Assert.Equal(1, features.TotalEvents));
    }
}
