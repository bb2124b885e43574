namespace Ingest.Grains;

/// <summary>One delivered outbox message with the sequence its commit gave it.</summary>
[GenerateSerializer, Immutable, Alias("Ingest.OutboxItem")]
public sealed record OutboxItem(long Sequence, object Payload);
