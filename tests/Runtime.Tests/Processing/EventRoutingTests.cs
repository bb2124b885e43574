using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Runtime.Abstractions;
using Runtime.Processing;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Processing;

public sealed class EventRoutingTests
{
    [Fact]
    public async Task EventsOnWrongPartition_AreReroutedToTheirGrainExactlyOnce()
    {
        var cluster = RealServices.UniqueName("reroute");
        await using var silo = await TestSilo.StartAsync(cluster);
        var count = silo.Runtime.PartitionCount;
        var keys = Enumerable.Range(0, 20).Select(i => $"r{i}").ToList();

        // A producer with another partitioner: every record lands one partition away from its grain.
        await ClusterTestKit.ProduceAsync(
            silo,
            keys.SelectMany(key => Enumerable.Repeat(new CounterEvent(key, 7), 3)),
            key => (GrainPartitioner.PartitionOf(key, count) + 1) % count);
        await ClusterTestKit.WaitForCountsAsync(silo, keys.ToDictionary(k => k, _ => 3L));

        foreach (var key in keys)
        {
            var snapshot = await silo.Grains.GetGrain<ICounterGrain>(key).GetAsync();
            Assert.Equal(3, snapshot.Events);
            Assert.Equal(21, snapshot.Sum);
        }
    }

    [Fact]
    public async Task UndecodableAndRejectedRecords_GoToDeadLetters_AndPartitionKeepsFlowing()
    {
        var cluster = RealServices.UniqueName("dlq");
        await using var silo = await TestSilo.StartAsync(cluster);
        var partition = GrainPartitioner.PartitionOf("good", silo.Runtime.PartitionCount);

        await ClusterTestKit.ProduceRawAsync(silo, partition, "good", Encoding.UTF8.GetBytes("{not json"));
        await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("good", -1), new CounterEvent("good", 4)]);
        await ClusterTestKit.WaitForCountsAsync(silo, new Dictionary<string, long> { ["good"] = 1 });
        var letters = await ReadDeadLettersAsync(silo.Runtime.Topics.DeadLetters, expected: 2);

        Assert.Equal(4, (await silo.Grains.GetGrain<ICounterGrain>("good").GetAsync()).Sum);
        Assert.Contains(letters, l => l.Reason.StartsWith("not JSON", StringComparison.Ordinal) && l.Value == "{not json");
        Assert.Contains(letters, l => l.Reason.Contains("negative amounts are rejected", StringComparison.Ordinal));
        Assert.All(letters, l => Assert.Equal(silo.Runtime.Topics.Events, l.SourceTopic));
        Assert.All(letters, l => Assert.Equal(partition, l.SourcePartition));
        Assert.Equal(2, letters.Select(l => l.SourceOffset).Distinct().Count());
    }

    private static async Task<List<DeadLetter>> ReadDeadLettersAsync(string topic, int expected)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = RealServices.Instance.KafkaBootstrapServers,
            GroupId = RealServices.UniqueName("dlq-reader"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 10_000,
        };
        foreach (var (key, value) in RealServices.Instance.KafkaClientProperties)
        {
            config.Set(key, value);
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(config).Build();
        consumer.Subscribe(topic);
        var letters = new List<DeadLetter>();
        await Eventually.TrueAsync(
            () =>
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result?.Message is { } message)
                {
                    letters.Add(JsonSerializer.Deserialize<DeadLetter>(message.Value, JsonSerializerOptions.Web)!);
                }

                return letters.Count >= expected;
            },
            ClusterTestKit.Patience,
            $"{expected} dead letters on {topic}");
        consumer.Close();
        return letters;
    }
}
