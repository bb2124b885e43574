using Microsoft.Extensions.Logging;

namespace Runtime.Log.InMemory;

/// <summary>
/// The group coordinator of one consumer group. It keeps each member's target assignment (range
/// assignment, recomputed on every membership or topic change) apart from actual ownership, and
/// hands a partition to its new member only after the previous owner has revoked it. Kafka's eager
/// protocol gives the same guarantee: no partition is ever owned by two members at once, so the new
/// owner's OnAssigned reads positions the old owner has finished writing.
/// </summary>
internal sealed class InMemoryConsumerGroup
{
    private readonly object _gate = new();
    private readonly List<InMemoryConsumer> _members = [];
    private readonly Dictionary<InMemoryConsumer, HashSet<TopicPartitionId>> _targets = [];
    private readonly Dictionary<TopicPartitionId, InMemoryConsumer> _owners = [];
    private readonly Dictionary<TopicPartitionId, long> _committed = [];
    private readonly Func<string, InMemoryTopic?> _findTopic;
    private readonly InMemorySignal _signal;
    private readonly ILogger _logger;
    private long _version;
    private int _generation;

    public InMemoryConsumerGroup(string groupId, Func<string, InMemoryTopic?> findTopic, InMemorySignal signal, ILogger logger)
    {
        GroupId = groupId;
        _findTopic = findTopic;
        _signal = signal;
        _logger = logger;
    }

    public string GroupId { get; }

    /// <summary>Changes whenever a member may have something to revoke or claim.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Adds the member, or updates its subscription, and rebalances.</summary>
    public void Join(InMemoryConsumer member)
    {
        lock (_gate)
        {
            if (!_members.Contains(member))
            {
                _members.Add(member);
                InMemoryLogMessages.MemberJoined(_logger, GroupId, member.MemberId);
            }

            RebalanceLocked();
        }
    }

    /// <summary>Removes the member and frees whatever it still owns.</summary>
    public void Leave(InMemoryConsumer member)
    {
        lock (_gate)
        {
            if (!_members.Remove(member))
            {
                return;
            }

            _targets.Remove(member);
            foreach (var partition in _owners.Where(pair => pair.Value == member).Select(pair => pair.Key).ToList())
            {
                _owners.Remove(partition);
            }

            InMemoryLogMessages.MemberLeft(_logger, GroupId, member.MemberId);
            RebalanceLocked();
        }
    }

    /// <summary>A topic was created: its partitions need owners.</summary>
    public void Rebalance()
    {
        lock (_gate)
        {
            RebalanceLocked();
        }
    }

    /// <summary>Partitions the member owns but should no longer.</summary>
    public List<TopicPartitionId> PendingRevocations(InMemoryConsumer member)
    {
        lock (_gate)
        {
            var target = _targets.GetValueOrDefault(member);
            return _owners.Where(pair => pair.Value == member && (target is null || !target.Contains(pair.Key)))
                .Select(pair => pair.Key).Order(TopicPartitionComparer.Instance).ToList();
        }
    }

    public void Release(InMemoryConsumer member, IEnumerable<TopicPartitionId> partitions)
    {
        lock (_gate)
        {
            foreach (var partition in partitions)
            {
                if (_owners.TryGetValue(partition, out var owner) && owner == member)
                {
                    _owners.Remove(partition);
                }
            }

            ChangedLocked();
        }
    }

    /// <summary>Takes ownership of the member's target partitions that nobody owns any more.</summary>
    public List<TopicPartitionId> Claim(InMemoryConsumer member)
    {
        lock (_gate)
        {
            if (!_targets.TryGetValue(member, out var target))
            {
                return [];
            }

            var claimed = target.Where(partition => !_owners.ContainsKey(partition)).Order(TopicPartitionComparer.Instance).ToList();
            foreach (var partition in claimed)
            {
                _owners[partition] = member;
            }

            return claimed;
        }
    }

    public void Commit(IEnumerable<TopicPartitionPosition> positions)
    {
        lock (_gate)
        {
            foreach (var position in positions)
            {
                _committed[new TopicPartitionId(position.Topic, position.Partition)] = position.Offset;
            }
        }
    }

    public long? CommittedOffset(TopicPartitionId partition)
    {
        lock (_gate)
        {
            return _committed.TryGetValue(partition, out var offset) ? offset : null;
        }
    }

    private void RebalanceLocked()
    {
        _generation++;
        _targets.Clear();
        foreach (var member in _members)
        {
            _targets[member] = [];
        }

        var topics = _members.SelectMany(member => member.Subscription).Distinct(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var partitionCount = _findTopic(topic)?.PartitionCount ?? 0;
            var subscribers = _members.Where(member => member.Subscription.Contains(topic)).ToList();
            foreach (var (member, partitions) in RangeAssignor.Assign(subscribers, partitionCount))
            {
                _targets[member].UnionWith(partitions.Select(partition => new TopicPartitionId(topic, partition)));
            }
        }

        InMemoryLogMessages.Rebalanced(_logger, GroupId, _generation, _members.Count);
        ChangedLocked();
    }

    private void ChangedLocked()
    {
        Interlocked.Increment(ref _version);
        _signal.Set();
    }
}
