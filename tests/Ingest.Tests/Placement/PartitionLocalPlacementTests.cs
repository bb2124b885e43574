using Confluent.Kafka;
using Ingest.Tests.Support;
using Ingest.TestGrains;
using Orleans.TestingHost;
using TestInfrastructure;
using Xunit.Abstractions;

namespace Ingest.Tests.Placement;

public sealed class PartitionLocalPlacementTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Partitions = 4;
    private readonly string _cluster = RealServices.UniqueName("cluster");
    private readonly string _topic = RealServices.UniqueName("placed");
    private InProcessTestCluster? _silos;

    public async Task InitializeAsync()
    {
        await KafkaTopics.CreateAsync(_topic, Partitions);
        _silos = KafkaSilos.Build(_cluster, _topic, 2);
        await _silos.DeployAsync();
    }

    [Fact]
    public async Task Ingest_TwoSilosSharingFourPartitions_CountsOnceAndCallsGrainsLocally()
    {
        await Eventually.TrueAsync(async () => await CheckpointRows.OwnersAsync(_cluster, _topic) == 2, TimeSpan.FromSeconds(60), "both silos own partitions");
        var events = new TestEvents(400, keys: 16);
        using (var producer = new ProducerBuilder<string, byte[]>(Producer()).Build())
        {
            foreach (var e in events.Events)
            {
                await producer.ProduceAsync(_topic, new Message<string, byte[]> { Key = e.Key, Value = TestEvents.Encode(e) });
            }
        }

        var client = _silos!.Client;
        // Stable, not merely reached: a credit applied twice would show up as a count past the total.
        await Eventually.StableAsync(() => ExactlyOnce.CreditsAppliedAsync(client, events), applied => applied >= events.Events.Count, TimeSpan.FromSeconds(90), "every credit applied");

        await ExactlyOnce.AssertAsync(client, events);
        var (local, remote) = (0, 0);
        foreach (var key in events.Keys)
        {
            var locality = await client.GetGrain<ICountingGrain>(key).GetLocalityAsync();
            (local, remote) = (local + locality.Local, remote + locality.Remote);
        }

        var share = (double)local / (local + remote);
        output.WriteLine($"ingest calls local: {local}, remote: {remote}, local share {share:P1}");
        Assert.True(share >= 0.9, $"local share {share:P1} ({local} local, {remote} remote)");
    }

    public async Task DisposeAsync()
    {
        if (_silos is not null)
        {
            await _silos.DisposeAsync();
        }
    }

    private static ProducerConfig Producer()
    {
        var config = new ProducerConfig { BootstrapServers = RealServices.Instance.KafkaBootstrapServers };
        foreach (var (key, value) in RealServices.Instance.KafkaClientProperties)
        {
            config.Set(key, value);
        }

        return config;
    }
}
