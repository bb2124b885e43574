namespace Ingest.Grains;

/// <summary>
/// A message a grain sends through its partition's outbox. <paramref name="Payload"/> is any type
/// Orleans can serialize; the envelope is stored with Orleans' serializer.
/// </summary>
[GenerateSerializer, Immutable, Alias("Ingest.OutboxEnvelope")]
public sealed record OutboxEnvelope(string TargetKind, string TargetKey, object Payload);
