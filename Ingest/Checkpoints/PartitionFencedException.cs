namespace Ingest.Checkpoints;

/// <summary>
/// A commit or delete presented an epoch that is no longer current: another owner has acquired the
/// partition. Nothing was written; the caller must stop processing the partition.
/// </summary>
public sealed class PartitionFencedException : Exception
{
    public PartitionFencedException()
    {
    }

    public PartitionFencedException(string message)
        : base(message)
    {
    }

    public PartitionFencedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PartitionFencedException(PartitionId partition, long epoch)
        : base($"Partition {partition} has moved on from epoch {epoch}; this owner no longer holds it.")
    {
        Partition = partition;
        Epoch = epoch;
    }

    public PartitionId? Partition { get; }

    public long Epoch { get; }
}
