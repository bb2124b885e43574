namespace Ingest.Processing;

/// <summary>One record of a source partition, as the log stored it.</summary>
public sealed record SourceRecord(long Offset, byte[]? Key, byte[] Value);
