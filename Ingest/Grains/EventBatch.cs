namespace Ingest.Grains;

/// <summary>
/// One grain's records of one processor batch, in offset order. <paramref name="CommittedOffset"/>
/// is the partition's next offset as last committed: messages of records below it are in the
/// outbox already, so the grain may forget them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Ingest.EventBatch`1")]
public sealed record EventBatch<TEvent>(string Source, long CommittedOffset, SourcedEvent<TEvent>[] Events);
