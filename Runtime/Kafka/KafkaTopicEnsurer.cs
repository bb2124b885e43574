using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;
using Runtime.Log;

namespace Runtime.Kafka;

/// <summary>
/// Creates missing topics with CreateTopics where the broker supports it (librdkafka needs 0.10.2+) and
/// otherwise relies on broker auto-creation, which a metadata request for the topic triggers on
/// Kafka 0.9. Either way the answer comes from metadata, once every partition has a leader.
/// </summary>
internal sealed class KafkaTopicEnsurer : IDisposable
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(5);

    private readonly IAdminClient _admin;
    private readonly KafkaOptions _options;
    private readonly ILogger _logger;
    private readonly TimeSpan _createTimeout;
    private readonly TimeSpan _readyTimeout;
    private volatile string? _createTopicsUnavailable;

    public KafkaTopicEnsurer(KafkaOptions options, ILogger logger, TimeSpan? createTimeout = null, bool trustProtocolPin = true)
    {
        _options = options;
        _logger = logger;
        _createTimeout = createTimeout ?? TimeSpan.FromSeconds(10);
        _readyTimeout = TimeSpan.FromSeconds(30);
        var config = KafkaClientConfig.Admin(options);
        _admin = new AdminClientBuilder(config)
            .SetErrorHandler((client, error) => KafkaLogMessages.ClientError(_logger, client.Name, error.Code, error.IsFatal, error.Reason))
            .SetLogHandler((client, message) => KafkaClientLogging.Write(_logger, client.Name, message))
            .Build();
        if (trustProtocolPin && KafkaClientConfig.PinsPreKip4Protocol(config))
        {
            _createTopicsUnavailable = "the client is pinned to a pre-0.10 protocol (api.version.request=false)";
        }
    }

    public async Task<IReadOnlyDictionary<string, int>> EnsureAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);

        // Listing all topics never auto-creates one, unlike asking for a single topic on old brokers.
        var existing = await Task.Run(() => _admin.GetMetadata(MetadataTimeout).Topics
            .Where(topic => !topic.Error.IsError).Select(topic => topic.Topic).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var missing = topics.Where(spec => !existing.Contains(spec.Name)).ToList();
        var missingNames = string.Join(",", missing.Select(spec => spec.Name));
        if (missing.Count > 0 && !await TryCreateAsync(missing, missingNames))
        {
            KafkaLogMessages.AutoCreatingTopics(_logger, _createTopicsUnavailable ?? "CreateTopics failed", missingNames);
            foreach (var spec in missing.Where(spec => spec.Compacted))
            {
                KafkaLogMessages.CompactionNotApplied(_logger, spec.Name);
            }
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in topics)
        {
            var partitions = await WaitUntilReadyAsync(spec.Name, cancellationToken);
            if (partitions != spec.Partitions)
            {
                KafkaLogMessages.PartitionCountDiffers(_logger, spec.Name, spec.Partitions, partitions);
            }

            result[spec.Name] = partitions;
        }

        return result;
    }

    public void Dispose() => _admin.Dispose();

    /// <summary>True when the topics now exist or are being created; false to fall back to auto-creation.</summary>
    private async Task<bool> TryCreateAsync(List<TopicSpec> missing, string missingNames)
    {
        if (_createTopicsUnavailable is not null)
        {
            return false;
        }

        var specifications = missing.Select(spec => new TopicSpecification
        {
            Name = spec.Name,
            NumPartitions = spec.Partitions,
            ReplicationFactor = _options.ReplicationFactor,
            Configs = spec.Compacted ? new Dictionary<string, string> { ["cleanup.policy"] = "compact" } : null,
        });
        try
        {
            await _admin.CreateTopicsAsync(specifications, new CreateTopicsOptions { RequestTimeout = _createTimeout, OperationTimeout = _createTimeout });
            KafkaLogMessages.TopicsCreated(_logger, missingNames);
            return true;
        }
        catch (CreateTopicsException exception)
        {
            var failures = exception.Results.Where(result => result.Error.IsError && result.Error.Code != ErrorCode.TopicAlreadyExists).ToList();
            foreach (var failure in failures)
            {
                KafkaLogMessages.CreateTopicFailed(_logger, failure.Topic, failure.Error.Code, failure.Error.Reason);
            }

            return failures.Count == 0;
        }
        catch (KafkaException exception) when (exception.Error.Code is ErrorCode.Local_TimedOut or ErrorCode.Local_UnsupportedFeature)
        {
            // Kafka 0.9: Metadata v0 names no controller, so librdkafka waits for one until the timeout.
            // Remembered so that later calls do not pay the timeout again.
            _createTopicsUnavailable = $"{exception.Error.Code}: {exception.Error.Reason}";
            return false;
        }
    }

    /// <summary>Polls the topic's metadata until every partition has a leader; returns the partition count.</summary>
    private async Task<int> WaitUntilReadyAsync(string topic, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_readyTimeout);
        var delay = TimeSpan.FromMilliseconds(20);
        var last = "no answer";
        while (true)
        {
            // A metadata request for one topic is what makes a 0.9 broker auto-create it.
            var metadata = await Task.Run(() => _admin.GetMetadata(topic, MetadataTimeout), CancellationToken.None);
            var found = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
            if (found is { Error.IsError: false, Partitions.Count: > 0 } && found.Partitions.All(p => p.Leader >= 0 && !p.Error.IsError))
            {
                KafkaLogMessages.TopicReady(_logger, topic, found.Partitions.Count);
                return found.Partitions.Count;
            }

            last = found is null ? "not in metadata" : $"{found.Error.Code}, {found.Partitions.Count} partitions";
            try
            {
                await Task.Delay(delay, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Topic {topic} has no leader for every partition after {_readyTimeout.TotalSeconds:0} s ({last}); is auto.create.topics.enable off?");
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }
}
