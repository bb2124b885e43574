namespace Runtime.Storage;

/// <summary>
/// A commit presented an epoch that is no longer current: another silo has taken the partition over.
/// Nothing was written. The caller must stop processing the partition and drop its activations.
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

    public PartitionFencedException(string cluster, int partition, long epoch)
        : base($"Partition {partition} of cluster '{cluster}' has moved on from epoch {epoch}; this silo no longer owns it.")
    {
        Cluster = cluster;
        Partition = partition;
        Epoch = epoch;
    }

    public string? Cluster { get; }

    public int Partition { get; }

    public long Epoch { get; }
}
