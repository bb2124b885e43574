namespace Runtime.Log;

/// <summary>
/// A partitioned, ordered, replayable log with consumer groups: Kafka in cluster mode, an in-process
/// implementation with the same semantics in the embedded default.
/// </summary>
public interface IPartitionedLog : IAsyncDisposable
{
    /// <summary>Creates missing topics and returns every topic's actual partition count.</summary>
    Task<IReadOnlyDictionary<string, int>> EnsureTopicsAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken);

    /// <summary>The shared producer. Records to one partition are appended in the order they were produced.</summary>
    ILogProducer Producer { get; }

    /// <summary>
    /// Creates a member of consumer group <paramref name="groupId"/>. Partitions of the subscribed
    /// topics are spread over the group's members; topics with equal partition counts are
    /// co-partitioned (partition N of every topic goes to the same member).
    /// </summary>
    ILogConsumer CreateConsumer(string groupId, IAssignmentListener listener);

    /// <summary>The next offset to be written to a partition (its high watermark), for lag.</summary>
    Task<long> GetEndOffsetAsync(string topic, int partition, CancellationToken cancellationToken);

    /// <summary>The first offset a partition still holds (retention deletes older ones) and its end offset.</summary>
    Task<(long Start, long End)> GetOffsetRangeAsync(string topic, int partition, CancellationToken cancellationToken);
}
