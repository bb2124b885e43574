namespace Runtime.Log.InMemory;

/// <summary>A topic: a fixed set of partitions, as Kafka's partition count never shrinks.</summary>
internal sealed class InMemoryTopic
{
    private readonly InMemoryPartition[] _partitions;

    public InMemoryTopic(string name, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        Name = name;
        _partitions = new InMemoryPartition[partitionCount];
        for (var i = 0; i < partitionCount; i++)
        {
            _partitions[i] = new InMemoryPartition(name, i);
        }
    }

    public string Name { get; }

    public int PartitionCount => _partitions.Length;

    public InMemoryPartition? TryGetPartition(int partition) =>
        partition >= 0 && partition < _partitions.Length ? _partitions[partition] : null;
}
