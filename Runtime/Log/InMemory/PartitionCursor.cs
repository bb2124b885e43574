namespace Runtime.Log.InMemory;

/// <summary>A consumer's read position in one assigned partition.</summary>
internal sealed class PartitionCursor
{
    public PartitionCursor(InMemoryPartition partition, long position)
    {
        Partition = partition;
        Position = position;
    }

    public InMemoryPartition Partition { get; }

    public long Position { get; set; }
}
