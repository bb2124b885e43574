namespace Ingest.Processing;

/// <summary>
/// A rejected record: why, and where it came from, with its original bytes (as text when valid
/// UTF-8, otherwise base64). Kafka 0.9 has no headers, so all of it travels in the value.
/// </summary>
public sealed record DeadLetter(
    string Reason,
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    string? Key,
    string? Value,
    string? ValueBase64,
    DateTimeOffset RejectedAt);
