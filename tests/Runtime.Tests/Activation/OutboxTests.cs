using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Activation;
using Runtime.Log;
using Runtime.Processing;
using Runtime.Storage;
using Runtime.Storage.Postgres;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class OutboxTests
{
    [Fact]
    public async Task Send_EventsOnManyPartitions_ReceiverTotalIsExactAndMessagesAreCombined()
    {
        var cluster = RealServices.UniqueName("outbox");
        await using var silo = await TestSilo.StartAsync(cluster);
        var events = Enumerable.Range(0, 600).Select(i => new CounterEvent($"u{i % 60}", i % 7)).ToList();

        await ClusterTestKit.ProduceAsync(silo, events);
        var total = await WaitForTotalAsync(silo, events.Count);

        Assert.Equal(events.Sum(e => e.Amount), total.Sum);
        Assert.True(total.Messages < events.Count, $"{total.Messages} messages for {events.Count} events: deltas were not combined");
    }

    [Fact]
    public async Task Receive_RepublishedSequences_AreDroppedAsDuplicates()
    {
        var cluster = RealServices.UniqueName("outbox-dup");
        await using var silo = await TestSilo.StartAsync(cluster);
        var events = Enumerable.Range(0, 40).Select(i => new CounterEvent($"d{i}", 1)).ToList();
        await ClusterTestKit.ProduceAsync(silo, events);
        await WaitForTotalAsync(silo, events.Count);

        // What a new owner does after a crash: publish again what the old owner may already have published.
        var log = silo.Services.GetRequiredService<IPartitionedLog>();
        var count = silo.Runtime.PartitionCount;
        var home = GrainPartitioner.PartitionOf(TotalGrain.TheKey, count);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CounterDelta(1_000, 1_000), TestGrainsJsonContext.Default.CounterDelta);
        foreach (var source in events.Select(e => GrainPartitioner.PartitionOf(e.Key, count)).Distinct())
        {
            var copy = new MessageEnvelope(source, 1, "total", TotalGrain.TheKey, "counter-delta", payload);
            log.Producer.Produce(silo.Runtime.Topics.Internal, home, Encoding.UTF8.GetBytes(TotalGrain.TheKey), copy.Encode());
        }

        await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("d-last", 5)]);
        var total = await WaitForTotalAsync(silo, events.Count + 1);

        Assert.Equal(events.Count + 1, total.Events);
        Assert.Equal(events.Count + 5, total.Sum);
    }

    [Fact]
    public async Task Start_CommittedButUnpublishedMessages_ArePublishedByTheNewOwner()
    {
        var cluster = RealServices.UniqueName("outbox-recover");
        var source = 3;
        var store = new PostgresCheckpointStore(RealServices.Instance.PostgresConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var lease = await store.AcquireAsync(cluster, source, new SiloIdentity("crashed", "http://127.0.0.1:1"), CancellationToken.None);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CounterDelta(5, 50), TestGrainsJsonContext.Default.CounterDelta);
        List<OutboxEntry> outbox = [new OutboxEntry(1, "total", TotalGrain.TheKey, "counter-delta", payload)];
        await store.CommitAsync(
            new PartitionCheckpoint(
                cluster,
                source,
                lease.Epoch,
                new Dictionary<string, long>(),
                new Dictionary<string, long> { ["$outbox:seq"] = 1 },
                [new GrainStateWrite("$outbox", source.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.SerializeToUtf8Bytes(outbox, RuntimeJsonContext.Default.ListOutboxEntry))]),
            CancellationToken.None);

        await using var silo = await TestSilo.StartAsync(cluster);
        var total = await WaitForTotalAsync(silo, 5);

        Assert.Equal(50, total.Sum);
        Assert.Equal(1, total.Messages);
    }

    private static async Task<TotalSnapshot> WaitForTotalAsync(TestSilo silo, long events)
    {
        var grain = silo.Grains.GetGrain<ITotalGrain>(TotalGrain.TheKey);
        TotalSnapshot? last = null;
        await Eventually.StableAsync(async () => (last = await grain.GetAsync()).Events, total => total >= events, ClusterTestKit.Patience, $"total of {events} events");
        return last!;
    }
}
