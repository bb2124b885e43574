using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Runtime.Log.InMemory;

/// <summary>
/// An in-process partitioned log with Kafka's semantics, for the embedded single-process mode:
/// append-only partitions with offsets from 0, and consumer groups whose members share the
/// partitions of their topics by range assignment and rebalance inside Consume. Nothing is
/// persisted and records are never deleted (see <see cref="InMemoryPartition"/>).
/// </summary>
public sealed class InMemoryLog : IPartitionedLog
{
    private readonly object _topicsGate = new();
    private readonly ConcurrentDictionary<string, InMemoryTopic> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InMemoryConsumerGroup> _groups = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public InMemoryLog(ILoggerFactory? loggerFactory = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<InMemoryLog>();
        Producer = new InMemoryProducer(this);
    }

    public ILogProducer Producer { get; }

    internal InMemorySignal Signal { get; } = new();

    public Task<IReadOnlyDictionary<string, int>> EnsureTopicsAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var created = false;
        lock (_topicsGate)
        {
            foreach (var spec in topics)
            {
                if (!_topics.TryGetValue(spec.Name, out var topic))
                {
                    // Compaction is accepted and ignored: nothing is ever deleted here.
                    topic = new InMemoryTopic(spec.Name, spec.Partitions);
                    _topics[spec.Name] = topic;
                    created = true;
                    InMemoryLogMessages.TopicCreated(_logger, spec.Name, spec.Partitions);
                }

                result[spec.Name] = topic.PartitionCount;
            }
        }

        if (created)
        {
            // Members may already be subscribed to a topic that did not exist yet.
            foreach (var group in _groups.Values)
            {
                group.Rebalance();
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, int>>(result);
    }

    public ILogConsumer CreateConsumer(string groupId, IAssignmentListener listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(listener);
        var group = _groups.GetOrAdd(groupId, id => new InMemoryConsumerGroup(id, FindTopic, Signal, _logger));
        return new InMemoryConsumer(group, listener, Signal, FindTopic);
    }

    public Task<long> GetEndOffsetAsync(string topic, int partition, CancellationToken cancellationToken)
    {
        return FindTopic(topic)?.TryGetPartition(partition) is { } target
            ? Task.FromResult(target.EndOffset)
            : Task.FromException<long>(new ArgumentException($"unknown topic partition {topic}[{partition}]", nameof(partition)));
    }

    // Nothing is ever deleted here: every partition starts at offset 0.
    public async Task<(long Start, long End)> GetOffsetRangeAsync(string topic, int partition, CancellationToken cancellationToken) =>
        (0, await GetEndOffsetAsync(topic, partition, cancellationToken).ConfigureAwait(false));

    /// <summary>The offset a group last committed for a partition; the log's own bookkeeping, for tooling.</summary>
    internal long? CommittedOffset(string groupId, TopicPartitionId partition) =>
        _groups.TryGetValue(groupId, out var group) ? group.CommittedOffset(partition) : null;

    internal InMemoryTopic? FindTopic(string name) => _topics.GetValueOrDefault(name);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
