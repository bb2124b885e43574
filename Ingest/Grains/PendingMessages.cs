namespace Ingest.Grains;

/// <summary>The messages one applied record produced, kept until the partition's commit passes its offset.</summary>
[GenerateSerializer, Immutable, Alias("Ingest.PendingMessages")]
public sealed record PendingMessages(long Offset, OutboxEnvelope[] Messages);
