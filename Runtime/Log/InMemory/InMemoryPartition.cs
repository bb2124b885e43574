namespace Runtime.Log.InMemory;

/// <summary>
/// One append-only partition. Records are kept for the life of the process: there is no retention
/// or compaction yet, so memory grows with everything ever produced. That is acceptable for the
/// embedded single-process mode, whose logs are small and whose durable state lives in the
/// checkpoint store; add segment trimming here if that ever changes.
/// </summary>
internal sealed class InMemoryPartition
{
    private readonly object _gate = new();
    private readonly List<LogRecord> _records = [];

    public InMemoryPartition(string topic, int partition)
    {
        Id = new TopicPartitionId(topic, partition);
    }

    public TopicPartitionId Id { get; }

    /// <summary>The offset the next record will get, which is also the partition's length.</summary>
    public long EndOffset
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    public long Append(byte[]? key, byte[] value)
    {
        lock (_gate)
        {
            var offset = _records.Count;
            _records.Add(new LogRecord(Id.Topic, Id.Partition, offset, key, value));
            return offset;
        }
    }

    /// <summary>The record at <paramref name="offset"/>, or null when it has not been written yet.</summary>
    public LogRecord? TryRead(long offset)
    {
        lock (_gate)
        {
            return offset >= 0 && offset < _records.Count ? _records[(int)offset] : null;
        }
    }
}
