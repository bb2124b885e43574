namespace Ingest.Kafka;

/// <summary>The <c>Kafka</c> configuration section.</summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>Comma-separated host:port list.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>
    /// Consumer group session timeout: how long a silo that died silently keeps its partitions.
    /// Kafka 0.9 brokers cap it at 30 s by default.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Any librdkafka property, passed through verbatim to consumer and producer (security; old
    /// brokers: <c>api.version.request</c>, <c>broker.version.fallback</c>). Environment variables
    /// cannot contain dots, so an underscore in a key is read as a dot:
    /// <c>Kafka__Client__api_version_request=false</c>.
    /// </summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The pass-through properties with underscores turned into dots.</summary>
    public IEnumerable<KeyValuePair<string, string>> ClientProperties() =>
        Client.Select(pair => KeyValuePair.Create(pair.Key.Replace('_', '.'), pair.Value));
}
