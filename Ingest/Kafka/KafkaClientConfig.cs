using Confluent.Kafka;

namespace Ingest.Kafka;

/// <summary>
/// librdkafka configurations. Set here: what the connector needs (positions belong to the checkpoint
/// store, so no auto-commit; one in-flight request and acks=all keep produce order and durability).
/// Broker specifics come only from <see cref="KafkaOptions.Client"/>, applied last.
/// </summary>
internal static class KafkaClientConfig
{
    public static ConsumerConfig Consumer(KafkaOptions options, string groupId)
    {
        var sessionMs = (int)options.SessionTimeout.TotalMilliseconds;
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = groupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,

            // Only used when a committed offset is out of range (deleted by retention).
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = sessionMs,
            HeartbeatIntervalMs = Math.Clamp(sessionMs / 3, 100, 3000),
            ConsumeResultFields = "none",
        };
        return WithPassThrough(config, options);
    }

    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            Acks = Acks.All,
            MaxInFlight = 1,
            MessageSendMaxRetries = int.MaxValue,
            LingerMs = 5,
            DeliveryReportFields = "none",
        };
        return WithPassThrough(config, options);
    }

    private static T WithPassThrough<T>(T config, KafkaOptions options)
        where T : ClientConfig
    {
        foreach (var (key, value) in options.ClientProperties())
        {
            config.Set(key, value);
        }

        return config;
    }
}
