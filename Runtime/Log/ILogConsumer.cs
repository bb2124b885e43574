namespace Runtime.Log;

/// <summary>
/// One member of a consumer group. Not thread-safe: one thread calls <see cref="Consume"/> in a loop,
/// and the <see cref="IAssignmentListener"/> callbacks run on that thread, inside <see cref="Consume"/>.
/// </summary>
public interface ILogConsumer : IDisposable
{
    /// <summary>Joins the group for these topics.</summary>
    void Subscribe(IReadOnlyCollection<string> topics);

    /// <summary>The next record of any assigned partition, or null when none arrived within <paramref name="timeout"/>.</summary>
    LogRecord? Consume(TimeSpan timeout);

    /// <summary>
    /// Records progress in the log's own offset store. Informational only (lag, tooling): the runtime's
    /// authoritative positions live in the checkpoint store.
    /// </summary>
    void CommitOffsets(IReadOnlyList<TopicPartitionPosition> positions);

    /// <summary>Leaves the group cleanly: revokes the assignment (calling the listener), then disconnects.</summary>
    void Close();
}
