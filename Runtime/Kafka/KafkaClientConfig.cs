using Confluent.Kafka;

namespace Runtime.Kafka;

/// <summary>
/// Builds librdkafka configurations. Settings here are the runtime's semantic requirements; broker
/// specifics (old protocol versions, security) come only from <see cref="KafkaOptions.Client"/>,
/// applied last so a deployment can override anything. Overriding these is unsafe:
/// <list type="bullet">
/// <item><c>partition.assignment.strategy</c>: anything but range breaks co-partitioning (and
/// cooperative-sticky needs incremental assignment, which the handlers do not do).</item>
/// <item><c>enable.auto.commit</c>, <c>enable.auto.offset.store</c>: positions belong to the
/// checkpoint store; the log's own commits are informational.</item>
/// <item><c>max.in.flight.requests.per.connection</c> above 1 without
/// <c>enable.idempotence=true</c> (impossible on Kafka 0.9): a retried batch can land after a later
/// one, breaking per-partition order.</item>
/// <item><c>acks</c> below all: an acknowledged record can vanish on leader failover.</item>
/// </list>
/// Safe to tune: <c>linger.ms</c>, <c>compression.type</c>, <c>message.timeout.ms</c>,
/// <c>heartbeat.interval.ms</c>, <c>enable.idempotence=true</c> on brokers that support it.
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

            // Only used when an explicit start offset is out of range (deleted by retention).
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = sessionMs,

            // A member learns of a rebalance from a heartbeat; it must beat several times per session.
            HeartbeatIntervalMs = Math.Clamp(sessionMs / 3, 100, 3000),

            // Records carry their event time in the payload (Kafka 0.9 has no headers or timestamps).
            ConsumeResultFields = "topic",
        };
        return WithPrefetchQueue(WithPassThrough(config, options));
    }

    /// <summary>
    /// Once its prefetch queue holds queued.min.messages records (or queued.max.messages.kbytes),
    /// librdkafka before 2.2 stops fetching for a whole second. A silo working off a backlog is
    /// slower than the broker, so the queue fills, and with the defaults (100,000 records: about 0.6 s
    /// of a silo's work) every partition then starved for part of every second; the pipeline
    /// benchmark showed 250–500 ms with no event applied once a second. The queue must hold more than
    /// a second of work: 500,000 records, at most 256 MB. It fills only while the silo is behind.
    /// Settings given in <c>Kafka:Client</c> win.
    /// </summary>
    private static ConsumerConfig WithPrefetchQueue(ConsumerConfig config)
    {
        config.QueuedMinMessages ??= 500_000;
        config.QueuedMaxMessagesKbytes ??= 256 * 1024;
        return config;
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
            CompressionType = CompressionType.Lz4,

            // Delivery reports need only the offset and the error, not copies of key and value.
            DeliveryReportFields = "none",
        };
        return WithPassThrough(config, options);
    }

    public static AdminClientConfig Admin(KafkaOptions options) =>
        WithPassThrough(new AdminClientConfig { BootstrapServers = options.BootstrapServers }, options);

    /// <summary>A consumer that never subscribes, for high watermarks; the client insists on a group id.</summary>
    public static ConsumerConfig Watermarks(KafkaOptions options) =>
        WithPassThrough(new ConsumerConfig { BootstrapServers = options.BootstrapServers, GroupId = "runtime-watermarks", EnableAutoCommit = false }, options);

    /// <summary>
    /// True when the configuration pins librdkafka to a pre-0.10 protocol table, which has no
    /// CreateTopics: asking would only wait for a controller that Metadata v0 never names.
    /// </summary>
    public static bool PinsPreKip4Protocol(ClientConfig config)
    {
        var request = config.Get("api.version.request");
        var fallback = config.Get("broker.version.fallback");
        return string.Equals(request, "false", StringComparison.OrdinalIgnoreCase)
            && Version.TryParse(fallback, out var version)
            && version < new Version(0, 10);
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
