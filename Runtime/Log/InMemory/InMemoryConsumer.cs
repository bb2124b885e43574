using System.Diagnostics;

namespace Runtime.Log.InMemory;

/// <summary>
/// One member of an in-memory consumer group. Like a librdkafka consumer, it learns about
/// rebalances only inside <see cref="Consume"/>, where it calls the listener on the consuming thread.
/// </summary>
internal sealed class InMemoryConsumer : ILogConsumer
{
    private static long _lastMemberId;

    private readonly InMemoryConsumerGroup _group;
    private readonly IAssignmentListener _listener;
    private readonly InMemorySignal _signal;
    private readonly Func<string, InMemoryTopic?> _findTopic;
    private readonly List<PartitionCursor> _cursors = [];
    private long _syncedVersion = -1;
    private int _next;
    private bool _joined;
    private bool _closed;

    public InMemoryConsumer(InMemoryConsumerGroup group, IAssignmentListener listener, InMemorySignal signal, Func<string, InMemoryTopic?> findTopic)
    {
        _group = group;
        _listener = listener;
        _signal = signal;
        _findTopic = findTopic;
        MemberId = $"{group.GroupId}-{Interlocked.Increment(ref _lastMemberId)}";
    }

    public string MemberId { get; }

    /// <summary>Read by the coordinator under its lock; replaced, never mutated.</summary>
    public IReadOnlySet<string> Subscription { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    public void Subscribe(IReadOnlyCollection<string> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ObjectDisposedException.ThrowIf(_closed, this);
        Subscription = new HashSet<string>(topics, StringComparer.Ordinal);
        _group.Join(this);
        _joined = true;
    }

    public LogRecord? Consume(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            // Read the version before looking for work, so a change made while we look wakes the wait.
            var seen = _signal.Version;
            SyncAssignment();
            if (TryTakeNext() is { } record)
            {
                return record;
            }

            var remaining = timeout == Timeout.InfiniteTimeSpan ? timeout : timeout - Stopwatch.GetElapsedTime(started);
            if (remaining != Timeout.InfiniteTimeSpan && remaining <= TimeSpan.Zero)
            {
                return null;
            }

            _signal.Wait(seen, remaining);
        }
    }

    public void CommitOffsets(IReadOnlyList<TopicPartitionPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        _group.Commit(positions);
    }

    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (!_joined)
        {
            return;
        }

        try
        {
            if (_cursors.Count > 0)
            {
                _listener.OnRevoked(_cursors.Select(cursor => cursor.Partition.Id).ToList());
            }
        }
        finally
        {
            _cursors.Clear();
            _group.Leave(this);
        }
    }

    public void Dispose() => Close();

    private void SyncAssignment()
    {
        var version = _group.Version;
        if (!_joined || version == _syncedVersion)
        {
            return;
        }

        var lost = _group.PendingRevocations(this);
        if (lost.Count > 0)
        {
            try
            {
                _listener.OnRevoked(lost);
            }
            finally
            {
                // Given up even if the listener throws, as with Kafka, whose group cannot wait for us.
                _cursors.RemoveAll(cursor => lost.Contains(cursor.Partition.Id));
                _group.Release(this, lost);
            }
        }

        var gained = _group.Claim(this);
        if (gained.Count > 0)
        {
            Assign(gained);
        }

        _syncedVersion = version;
    }

    private void Assign(List<TopicPartitionId> gained)
    {
        IReadOnlyList<TopicPartitionPosition> positions;
        try
        {
            positions = _listener.OnAssigned(gained);
        }
        catch
        {
            // Give the partitions back so that this member (or another) can claim them again.
            _group.Release(this, gained);
            throw;
        }

        var starts = new Dictionary<TopicPartitionId, long>();
        foreach (var position in positions ?? [])
        {
            // Negative offsets are Kafka's symbolic positions; here they all mean the beginning.
            starts[new TopicPartitionId(position.Topic, position.Partition)] = Math.Max(0, position.Offset);
        }

        foreach (var id in gained)
        {
            if (_findTopic(id.Topic)?.TryGetPartition(id.Partition) is { } partition)
            {
                var start = starts.GetValueOrDefault(id);
                partition.FastForwardTo(start);
                _cursors.Add(new PartitionCursor(partition, start));
            }
        }
    }

    /// <summary>Round-robin over assigned partitions, one record at a time, so no partition starves.</summary>
    private LogRecord? TryTakeNext()
    {
        for (var i = 0; i < _cursors.Count; i++)
        {
            var index = (_next + i) % _cursors.Count;
            var cursor = _cursors[index];
            if (cursor.Partition.TryRead(cursor.Position) is { } record)
            {
                cursor.Position++;
                _next = index + 1;
                return record;
            }
        }

        return null;
    }
}
