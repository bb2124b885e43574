namespace Runtime.Processing;

/// <summary>
/// The value written to the dead-letter topic: why the record was rejected and where it came from,
/// with the original bytes (as text when they are valid UTF-8, otherwise base64).
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
