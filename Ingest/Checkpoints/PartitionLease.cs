namespace Ingest.Checkpoints;

/// <summary>
/// Ownership of a partition at <paramref name="Epoch"/>, with where its last commit left it:
/// the next offset to read and the next outbox sequence to assign.
/// </summary>
public sealed record PartitionLease(PartitionId Partition, long Epoch, long NextOffset, long NextSequence);
