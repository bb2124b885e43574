namespace Runtime.Log;

/// <summary>Told about rebalances. Both callbacks run on the consuming thread and may block it.</summary>
public interface IAssignmentListener
{
    /// <summary>
    /// Partitions were assigned to this member. Returns where to start reading each assigned topic
    /// partition; a topic partition left out of the result starts at its beginning.
    /// </summary>
    IReadOnlyList<TopicPartitionPosition> OnAssigned(IReadOnlyList<TopicPartitionId> partitions);

    /// <summary>
    /// Partitions are being taken away (or were lost). After this returns, no more records of them
    /// are delivered to this member.
    /// </summary>
    void OnRevoked(IReadOnlyList<TopicPartitionId> partitions);
}
