namespace Ingest.Checkpoints;

/// <summary>
/// Each partition's committed offset, outbox sequence counter and undelivered outbox rows. Every
/// write after <see cref="AcquireAsync"/> is fenced by the epoch it returned, so an owner that lost
/// the partition cannot overwrite the new one.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Creates the tables if missing. Idempotent; safe from several silos at once.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Takes the partition over: epoch + 1, <paramref name="owner"/> recorded; returns where the last commit left it.</summary>
    Task<PartitionLease> AcquireAsync(PartitionId partition, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction, only if the partition's epoch is still <paramref name="epoch"/>: sets the
    /// next offset and appends <paramref name="messages"/> numbered from the sequence counter, which
    /// advances past them. Returns the stored rows. A stale epoch throws
    /// <see cref="PartitionFencedException"/> and writes nothing.
    /// </summary>
    Task<IReadOnlyList<OutboxRow>> CommitAsync(
        PartitionId partition, long epoch, long nextOffset, IReadOnlyList<OutboxRecord> messages, CancellationToken cancellationToken);

    /// <summary>The partition's undelivered outbox rows, in sequence order.</summary>
    Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(PartitionId partition, CancellationToken cancellationToken);

    /// <summary>Deletes delivered rows up to <paramref name="throughSequence"/>, only under <paramref name="epoch"/>; else <see cref="PartitionFencedException"/>.</summary>
    Task DeleteOutboxAsync(PartitionId partition, long epoch, long throughSequence, CancellationToken cancellationToken);
}
