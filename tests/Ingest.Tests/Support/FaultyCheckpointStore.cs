using Ingest.Checkpoints;

namespace Ingest.Tests.Support;

/// <summary>
/// A store that fails on purpose: a commit that "crashes" the processor after its grain calls (no
/// write reaches the database), or a delete that fails after the rows were delivered.
/// </summary>
public sealed class FaultyCheckpointStore(ICheckpointStore inner) : ICheckpointStore
{
    private int _commits;
    private int _deletes;

    /// <summary>The commit (1-based) that crashes instead of writing; 0 for none.</summary>
    public int CrashOnCommit { get; init; }

    /// <summary>How many deletes fail, after their delivery, before deletes go through.</summary>
    public int FailDeletes { get; init; }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => inner.EnsureSchemaAsync(cancellationToken);

    public Task<PartitionLease> AcquireAsync(PartitionId partition, string owner, CancellationToken cancellationToken) =>
        inner.AcquireAsync(partition, owner, cancellationToken);

    public Task<IReadOnlyList<OutboxRow>> CommitAsync(
        PartitionId partition, long epoch, long nextOffset, IReadOnlyList<OutboxRecord> messages, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _commits) == CrashOnCommit
            ? throw new SimulatedCrashException()
            : inner.CommitAsync(partition, epoch, nextOffset, messages, cancellationToken);

    public Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(PartitionId partition, CancellationToken cancellationToken) =>
        inner.ReadOutboxAsync(partition, cancellationToken);

    public Task DeleteOutboxAsync(PartitionId partition, long epoch, long throughSequence, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _deletes) <= FailDeletes
            ? throw new InvalidOperationException("simulated delete failure")
            : inner.DeleteOutboxAsync(partition, epoch, throughSequence, cancellationToken);
}
