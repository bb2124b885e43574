namespace Ingest.Grains;

/// <summary>One target's outbox messages from one source partition, in sequence order.</summary>
[GenerateSerializer, Immutable, Alias("Ingest.OutboxDelivery")]
public sealed record OutboxDelivery(string Source, OutboxItem[] Items);
