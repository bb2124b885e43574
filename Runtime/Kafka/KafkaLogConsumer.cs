using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Runtime.Log;

namespace Runtime.Kafka;

/// <summary>
/// A consumer group member over librdkafka. The rebalance handlers run inside
/// <see cref="IConsumer{TKey,TValue}.Consume(TimeSpan)"/> (and <see cref="IConsumer{TKey,TValue}.Close"/>),
/// on the consuming thread, which is where the listener contract wants them.
/// </summary>
internal sealed class KafkaLogConsumer : ILogConsumer
{
    private static readonly TimeSpan MaxSingleWait = TimeSpan.FromHours(1);

    private readonly IConsumer<byte[]?, byte[]> _consumer;
    private readonly KafkaRebalanceBridge _rebalance;
    private readonly ILogger _logger;
    private readonly string _groupId;
    private volatile Error? _fatal;
    private bool _closed;

    public KafkaLogConsumer(KafkaOptions options, string groupId, IAssignmentListener listener, ILogger logger)
    {
        _groupId = groupId;
        _logger = logger;
        _rebalance = new KafkaRebalanceBridge(listener, logger, groupId);
        _consumer = new ConsumerBuilder<byte[]?, byte[]>(KafkaClientConfig.Consumer(options, groupId))
            .SetPartitionsAssignedHandler((consumer, partitions) => _rebalance.OnAssigned(consumer.MemberId, partitions))
            .SetPartitionsRevokedHandler((consumer, partitions) => _rebalance.OnRevoked(consumer.MemberId, partitions, lost: false))
            .SetPartitionsLostHandler((consumer, partitions) => _rebalance.OnRevoked(consumer.MemberId, partitions, lost: true))
            .SetErrorHandler((client, error) => OnError(client.Name, error))
            .SetLogHandler((client, message) => KafkaClientLogging.Write(_logger, client.Name, message))
            .Build();
    }

    public void Subscribe(IReadOnlyCollection<string> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ObjectDisposedException.ThrowIf(_closed, this);
        _consumer.Subscribe(topics);
    }

    public LogRecord? Consume(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_closed, this);

        // A zero timeout (the silo's consumer polls so while it has records in hand) needs no clock.
        var noWait = timeout == TimeSpan.Zero;
        var started = noWait ? 0 : Stopwatch.GetTimestamp();
        while (true)
        {
            ThrowIfFatal();
            _rebalance.ThrowIfFailed();
            _rebalance.RetryPendingAssignment(_consumer);
            // librdkafka takes int milliseconds: longer timeouts are served in slices by this loop.
            var remaining = noWait ? TimeSpan.Zero : timeout == Timeout.InfiniteTimeSpan ? MaxSingleWait : timeout - Stopwatch.GetElapsedTime(started);
            remaining = remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining > MaxSingleWait ? MaxSingleWait : remaining;

            ConsumeResult<byte[]?, byte[]>? result;
            try
            {
                result = _consumer.Consume(remaining);
            }
            catch (ConsumeException exception) when (!exception.Error.IsFatal)
            {
                // Per-partition trouble (leader moving, topic being created): librdkafka recovers by itself.
                KafkaLogMessages.ConsumeError(_logger, _groupId, exception.Error.Code, exception.Error.Reason);
                result = null;
            }

            if (result is { IsPartitionEOF: false })
            {
                // A listener failure from this call's rebalance is thrown by the next call, not instead of the record.
                var message = result.Message;
                return new LogRecord(result.Topic, result.Partition.Value, result.Offset.Value, message.Key, message.Value ?? []);
            }

            if (noWait || (timeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) >= timeout))
            {
                _rebalance.ThrowIfFailed();
                return null;
            }
        }
    }

    public void CommitOffsets(IReadOnlyList<TopicPartitionPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count == 0)
        {
            return;
        }

        try
        {
            _consumer.Commit(positions.Select(position => new TopicPartitionOffset(position.Topic, position.Partition, position.Offset)));
        }
        catch (KafkaException exception) when (!exception.Error.IsFatal)
        {
            // Informational commits: failing one during a rebalance or with nothing to commit is harmless.
            KafkaLogMessages.CommitFailed(_logger, _groupId, exception.Error.Code, exception.Error.Reason);
        }
    }

    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            // Leaves the group at once (LeaveGroup), calling the revoked handler on this thread first.
            _consumer.Close();
        }
        finally
        {
            _consumer.Dispose();
        }

        _rebalance.ThrowIfFailed();
    }

    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            Close();
        }
        catch (Exception exception)
        {
            // Dispose must not throw; Close is where a caller that cares sees the failure.
            KafkaLogMessages.CloseFailed(_logger, _groupId, exception);
        }
    }

    private void OnError(string client, Error error)
    {
        KafkaLogMessages.ClientError(_logger, client, error.Code, error.IsFatal, error.Reason);
        if (error.IsFatal)
        {
            _fatal = error;
        }
    }

    private void ThrowIfFatal()
    {
        if (_fatal is { } fatal)
        {
            throw new KafkaException(fatal);
        }
    }
}
