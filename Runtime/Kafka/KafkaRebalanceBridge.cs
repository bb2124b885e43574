using System.Runtime.ExceptionServices;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Runtime.Log;

namespace Runtime.Kafka;

/// <summary>
/// Connects librdkafka's rebalance callbacks to the <see cref="IAssignmentListener"/>. Listener
/// exceptions never reach Confluent.Kafka: it would skip its Assign/Unassign call, leaving this
/// member owning partitions in the group that it never fetches (assign) or the whole group waiting
/// on it (revoke). Instead a failed OnAssigned leaves the partitions unassigned locally and the
/// next Consume retries it; a failed OnRevoked still gives the partitions up, because the group
/// cannot wait. Either exception is rethrown from Consume.
/// </summary>
internal sealed class KafkaRebalanceBridge
{
    private readonly IAssignmentListener _listener;
    private readonly ILogger _logger;
    private readonly string _groupId;
    private readonly HashSet<TopicPartitionId> _owned = [];
    private List<TopicPartition>? _pending;
    private ExceptionDispatchInfo? _failure;

    public KafkaRebalanceBridge(IAssignmentListener listener, ILogger logger, string groupId)
    {
        _listener = listener;
        _logger = logger;
        _groupId = groupId;
    }

    /// <summary>The partitions assigned handler: every partition with the listener's start position.</summary>
    public List<TopicPartitionOffset> OnAssigned(string memberId, List<TopicPartition> partitions)
    {
        _pending = null;
        if (partitions.Count == 0)
        {
            return [];
        }

        var description = Describe(partitions.Select(p => (p.Topic, p.Partition.Value)));
        KafkaLogMessages.PartitionsAssigned(_logger, _groupId, memberId, description);
        try
        {
            return Accept(partitions);
        }
        catch (Exception exception)
        {
            _pending = partitions;
            _failure ??= ExceptionDispatchInfo.Capture(exception);
            return [];
        }
    }

    public void OnRevoked(string memberId, List<TopicPartitionOffset> partitions, bool lost)
    {
        // A rebalance supersedes an assignment the listener never accepted.
        _pending = null;
        var revoked = partitions.Select(p => new TopicPartitionId(p.Topic, p.Partition.Value)).Where(_owned.Contains).ToList();
        if (revoked.Count == 0)
        {
            return;
        }

        _owned.ExceptWith(revoked);
        var description = Describe(revoked.Select(p => (p.Topic, p.Partition)));
        if (lost)
        {
            KafkaLogMessages.PartitionsLost(_logger, _groupId, memberId, description);
        }
        else
        {
            KafkaLogMessages.PartitionsRevoked(_logger, _groupId, memberId, description);
        }

        try
        {
            _listener.OnRevoked(revoked);
        }
        catch (Exception exception)
        {
            _failure ??= ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>Rethrows, once, a listener exception caught inside a rebalance callback.</summary>
    public void ThrowIfFailed()
    {
        var failure = _failure;
        _failure = null;
        failure?.Throw();
    }

    /// <summary>Retries an OnAssigned that threw; an exception propagates and the next call retries again.</summary>
    public void RetryPendingAssignment(IConsumer<byte[]?, byte[]> consumer)
    {
        if (_pending is { } pending)
        {
            var offsets = Accept(pending);
            _pending = null;
            consumer.Assign(offsets);
        }
    }

    private List<TopicPartitionOffset> Accept(List<TopicPartition> partitions)
    {
        var ids = partitions.Select(p => new TopicPartitionId(p.Topic, p.Partition.Value)).ToList();
        var starts = new Dictionary<TopicPartitionId, long>();
        foreach (var position in _listener.OnAssigned(ids) ?? [])
        {
            starts[new TopicPartitionId(position.Topic, position.Partition)] = position.Offset;
        }

        _owned.UnionWith(ids);

        // Every assigned partition must be returned: one left out would not be fetched at all.
        return partitions.Select(p => new TopicPartitionOffset(
            p,
            starts.TryGetValue(new TopicPartitionId(p.Topic, p.Partition.Value), out var offset) ? new Offset(offset) : Offset.Beginning)).ToList();
    }

    private static string Describe(IEnumerable<(string Topic, int Partition)> partitions) =>
        string.Join(",", partitions.Select(p => $"{p.Topic}[{p.Partition}]"));
}
