namespace Runtime.Log;

/// <summary>One consumed record. Kafka 0.9 has no headers or timestamps, so none are modelled.</summary>
public sealed record LogRecord(string Topic, int Partition, long Offset, byte[]? Key, byte[] Value);
