using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Ingest.Tests.Support;
using Ingest.TestGrains;
using Orleans.TestingHost;
using TestInfrastructure;

namespace Ingest.Tests.Kafka;

public sealed class KafkaIngestTests : IAsyncLifetime
{
    private const int Partitions = 4;
    private readonly string _cluster = RealServices.UniqueName("cluster");
    private readonly string _topic = RealServices.UniqueName("ingest");
    private InProcessTestCluster? _silo;

    public async Task InitializeAsync()
    {
        await KafkaTopics.CreateAsync(_topic, Partitions);
        _silo = KafkaSilos.Build(_cluster, _topic, 1);
        await _silo.DeployAsync();
    }

    [Fact]
    public async Task Ingest_RandomPartitionerOverFourPartitions_CountsEveryRecordOnceAndDeadLettersTheBadOne()
    {
        var events = new TestEvents(400);
        var partitions = new HashSet<int>();
        using (var producer = new ProducerBuilder<Null, byte[]>(ProducerConfig()).Build())
        {
            foreach (var e in events.Events)
            {
                var result = await producer.ProduceAsync(_topic, new Message<Null, byte[]> { Value = TestEvents.Encode(e) });
                partitions.Add(result.Partition.Value);
            }

            await producer.ProduceAsync(_topic, new Message<Null, byte[]> { Value = Encoding.UTF8.GetBytes("garbage") });
        }

        var client = _silo!.Client;
        // Stable, not merely reached: a credit applied twice would show up as a count past the total.
        await Eventually.StableAsync(() => ExactlyOnce.CreditsAppliedAsync(client, events), applied => applied >= events.Events.Count, TimeSpan.FromSeconds(90), "every credit applied");

        Assert.Equal(Partitions, partitions.Count);
        await ExactlyOnce.AssertAsync(client, events);
        var letter = JsonDocument.Parse(await ReadDeadLetterAsync()).RootElement;
        Assert.Equal(_topic, letter.GetProperty("sourceTopic").GetString());
        Assert.Equal("garbage", letter.GetProperty("value").GetString());
        Assert.Contains("expected key|id|target", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SecondSiloJoinsMidStream_RebalancesAndCountsEveryRecordOnce()
    {
        var events = new TestEvents(2000);
        var client = _silo!.Client;
        using var producer = new ProducerBuilder<Null, byte[]>(ProducerConfig()).Build();
        foreach (var e in events.Events.Take(1000))
        {
            producer.Produce(_topic, new Message<Null, byte[]> { Value = TestEvents.Encode(e) });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(async () => await ExactlyOnce.CreditsAppliedAsync(client, events) > 0, TimeSpan.FromSeconds(60), "ingest under way");

        // The join revokes partitions from the first silo in the middle of its work.
        await _silo.StartAdditionalSiloAsync();
        await Eventually.TrueAsync(async () => await CheckpointRows.OwnersAsync(_cluster, _topic) == 2, TimeSpan.FromSeconds(60), "both silos own partitions");
        foreach (var e in events.Events.Skip(1000))
        {
            producer.Produce(_topic, new Message<Null, byte[]> { Value = TestEvents.Encode(e) });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        // Stable, not merely reached: a credit applied twice would show up as a count past the total.
        await Eventually.StableAsync(() => ExactlyOnce.CreditsAppliedAsync(client, events), applied => applied >= events.Events.Count, TimeSpan.FromSeconds(120), "every credit applied");

        await ExactlyOnce.AssertAsync(client, events);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private static ProducerConfig ProducerConfig()
    {
        var config = new ProducerConfig { BootstrapServers = RealServices.Instance.KafkaBootstrapServers, Partitioner = Partitioner.Random };
        foreach (var (key, value) in RealServices.Instance.KafkaClientProperties)
        {
            config.Set(key, value);
        }

        return config;
    }

    private async Task<string> ReadDeadLetterAsync()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = RealServices.Instance.KafkaBootstrapServers,
            GroupId = RealServices.UniqueName("reader"),
            AutoOffsetReset = AutoOffsetReset.Earliest,

            // Kafka 0.9 brokers refuse sessions above 30 s; the client default is 45 s.
            SessionTimeoutMs = 10_000,

            // The topic appears with the first dead letter, possibly after the subscription.
            TopicMetadataRefreshIntervalMs = 500,
        };
        foreach (var (key, value) in RealServices.Instance.KafkaClientProperties)
        {
            config.Set(key, value);
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(config).Build();
        consumer.Subscribe($"{_cluster}.dead-letters");
        string? letter = null;
        await Eventually.TrueAsync(
            () =>
            {
                try
                {
                    letter ??= consumer.Consume(TimeSpan.FromMilliseconds(200))?.Message?.Value;
                }
                catch (ConsumeException exception) when (exception.Error.Code == Confluent.Kafka.ErrorCode.UnknownTopicOrPart)
                {
                    // Not created yet.
                }

                return letter is not null;
            },
            TimeSpan.FromSeconds(60),
            "a dead letter");
        consumer.Close();
        return letter!;
    }
}
