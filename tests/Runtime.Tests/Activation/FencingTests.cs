using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Storage;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class FencingTests
{
    [Fact]
    public async Task PartitionTakenOverBehindItsBack_SiloIsFencedAndCannotOverwriteNewOwner()
    {
        var cluster = RealServices.UniqueName("zombie");
        await using var zombie = await TestSilo.StartAsync(cluster, settings: new Dictionary<string, string?> { ["Runtime:CallRetryTimeout"] = "00:00:02" });
        var store = zombie.Services.GetRequiredService<ICheckpointStore>();
        var partition = GrainPartitioner.PartitionOf("victim", zombie.Runtime.PartitionCount);
        await zombie.Grains.GetGrain<ICounterGrain>("victim").AddDurablyAsync(1);

        // What a new owner does when the group hands it the partition while this silo is paused.
        var usurper = await store.AcquireAsync(cluster, partition, new SiloIdentity("usurper", "http://127.0.0.1:9"), CancellationToken.None);
        await ClusterTestKit.ProduceAsync(zombie, [new CounterEvent("victim", 100)]);

        await Eventually.TrueAsync(
            () => zombie.Runtime.Partitions().Any(p => p.Partition == partition && p.Status == "fenced"),
            ClusterTestKit.Patience,
            "the zombie's commit is fenced");
        var stored = await store.ReadGrainsAsync(cluster, "counter", ["victim"], CancellationToken.None);
        var state = JsonSerializer.Deserialize(stored["victim"].State, TestGrainsJsonContext.Default.CounterState)!;

        Assert.True(usurper.Epoch > 1);
        Assert.Equal(1, state.Sum);
        await Assert.ThrowsAsync<GrainUnavailableException>(() => zombie.Grains.GetGrain<ICounterGrain>("victim").GetAsync());
    }
}
