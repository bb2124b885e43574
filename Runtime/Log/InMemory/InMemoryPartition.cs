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

    // Offsets below this were written by an earlier process: the log is in memory, so they are gone.
    private long _baseOffset;

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
                return _baseOffset + _records.Count;
            }
        }
    }

    /// <summary>
    /// Moves an empty partition's next offset up to <paramref name="offset"/>. A silo restarting in
    /// embedded mode resumes from positions committed by its previous process, whose records died
    /// with it; the new records must be numbered after them, as Kafka's would be after retention.
    /// </summary>
    public void FastForwardTo(long offset)
    {
        lock (_gate)
        {
            if (_records.Count == 0 && offset > _baseOffset)
            {
                _baseOffset = offset;
            }
        }
    }

    public long Append(byte[]? key, byte[] value)
    {
        lock (_gate)
        {
            var offset = _baseOffset + _records.Count;
            _records.Add(new LogRecord(Id.Topic, Id.Partition, offset, key, value));
            return offset;
        }
    }

    /// <summary>The record at <paramref name="offset"/>, or null when it has not been written yet.</summary>
    public LogRecord? TryRead(long offset)
    {
        lock (_gate)
        {
            var index = offset - _baseOffset;
            return index >= 0 && index < _records.Count ? _records[(int)index] : null;
        }
    }
}
