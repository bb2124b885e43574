namespace Ingest.Grains;

/// <summary>
/// A grain that consumes a partitioned log: one call per key per processor batch. The grain applies
/// only records above the last offset it applied for <see cref="EventBatch{TEvent}.Source"/>, writes
/// its state, and returns the messages of every record of the batch at or above the committed offset,
/// including records it had applied before (see <see cref="IngestProgress"/>).
/// </summary>
[Alias("Ingest.IPartitionEventGrain`1")]
public interface IPartitionEventGrain<TEvent> : IGrainWithStringKey
{
    [Alias("Apply")]
    Task<OutboxEnvelope[]> ApplyAsync([Immutable] EventBatch<TEvent> batch);
}
