namespace Runtime.Kafka;

/// <summary>
/// The <c>Kafka</c> configuration section. Setting <see cref="BootstrapServers"/> switches the silo
/// from the embedded in-process log to Kafka.
/// </summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>Comma-separated host:port list. Empty means the embedded in-process log.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Partition count used when the runtime creates a missing topic.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Replication factor used when the runtime creates a missing topic.</summary>
    public short ReplicationFactor { get; set; } = 1;

    /// <summary>
    /// Consumer group session timeout: how long a silo that died silently keeps its partitions.
    /// Kafka 0.9 brokers cap it at 30 s by default.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Any librdkafka property, passed through verbatim to producers, consumers and the admin client
    /// (security: <c>security.protocol</c>, <c>sasl.mechanisms</c>, <c>sasl.username</c>,
    /// <c>sasl.password</c>, <c>ssl.ca.location</c>; old brokers: <c>api.version.request</c>,
    /// <c>broker.version.fallback</c>). Environment variables cannot contain dots, so an underscore in
    /// a key is read as a dot: <c>Kafka__Client__api_version_request=false</c>.
    /// </summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True when a Kafka cluster is configured.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(BootstrapServers);

    /// <summary>The pass-through properties with underscores turned into dots.</summary>
    public IEnumerable<KeyValuePair<string, string>> ClientProperties() =>
        Client.Select(pair => KeyValuePair.Create(pair.Key.Replace('_', '.'), pair.Value));
}
