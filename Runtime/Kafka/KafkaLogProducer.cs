using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Runtime.Log;

namespace Runtime.Kafka;

/// <summary>
/// The shared producer. Every record, also those of <see cref="ProduceAsync"/>, is counted in the
/// current <see cref="DeliveryEpoch"/> until its delivery report arrives on Confluent's poll thread.
/// </summary>
internal sealed class KafkaLogProducer : ILogProducer, IDisposable
{
    private static readonly TimeSpan SpaceWait = TimeSpan.FromMilliseconds(100);

    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly ILogger _logger;
    private readonly object _epochGate = new();
    private readonly object _spaceGate = new();
    private readonly ConcurrentQueue<(TopicPartition Partition, Error Error)> _failures = new();
    private DeliveryEpoch _epoch;
    private int _spaceWaiters;

    public KafkaLogProducer(KafkaOptions options, ILogger logger)
    {
        _logger = logger;
        _producer = new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfig.Producer(options))
            .SetErrorHandler((client, error) => KafkaLogMessages.ClientError(_logger, client.Name, error.Code, error.IsFatal, error.Reason))
            .SetLogHandler((client, message) => KafkaClientLogging.Write(_logger, client.Name, message))
            .Build();
        _epoch = new DeliveryEpoch(Task.CompletedTask, OnDelivery);
    }

    public void Produce(string topic, int partition, byte[]? key, byte[] value)
    {
        var epoch = EnterEpoch();
        if (Queue(topic, partition, key, value, epoch.Handler, epoch) is { } error)
        {
            _failures.Enqueue((new TopicPartition(topic, partition), error));
            epoch.Exit();
        }
    }

    public Task<long> ProduceAsync(string topic, int partition, byte[]? key, byte[] value, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var epoch = EnterEpoch();
        void Handler(DeliveryReport<byte[]?, byte[]> report)
        {
            if (report.Error.IsError)
            {
                completion.TrySetException(new LogProduceException($"{topic}[{partition}]: {report.Error.Code} {report.Error.Reason}"));
            }
            else
            {
                completion.TrySetResult(report.Offset.Value);
            }

            epoch.Exit();
            SignalSpace();
        }

        if (Queue(topic, partition, key, value, Handler, epoch) is { } error)
        {
            completion.TrySetException(new LogProduceException($"{topic}[{partition}]: {error.Code} {error.Reason}"));
            epoch.Exit();
        }

        // Cancelling stops the wait, not the append: librdkafka cannot take a queued record back.
        return completion.Task.WaitAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        DeliveryEpoch sealedEpoch;
        lock (_epochGate)
        {
            sealedEpoch = _epoch;
            _epoch = new DeliveryEpoch(sealedEpoch.Drained, OnDelivery);
        }

        await sealedEpoch.Seal().WaitAsync(cancellationToken);

        var failed = new List<(TopicPartition Partition, Error Error)>();
        while (_failures.TryDequeue(out var failure))
        {
            failed.Add(failure);
        }

        if (failed.Count > 0)
        {
            var (first, error) = failed[0];
            KafkaLogMessages.DeliveriesFailed(_logger, failed.Count, first.Topic, first.Partition.Value, error.Reason);
            throw new LogProduceException($"{failed.Count} record(s) were not acknowledged; first {first.Topic}[{first.Partition.Value}]: {error.Code} {error.Reason}");
        }
    }

    public void Dispose()
    {
        // Best effort only: callers that need their records durable flush before disposing.
        var remaining = _producer.Flush(TimeSpan.FromSeconds(10));
        if (remaining > 0)
        {
            KafkaLogMessages.UnflushedOnDispose(_logger, remaining);
        }

        _producer.Dispose();
    }

    private DeliveryEpoch EnterEpoch()
    {
        lock (_epochGate)
        {
            _epoch.Enter();
            return _epoch;
        }
    }

    /// <summary>
    /// Queues the record, waiting while librdkafka's local queue is full. Returns a synchronous
    /// failure (no delivery report will follow); on any other exception leaves the epoch first, so
    /// that a flush never waits for a record that was never queued.
    /// </summary>
    private Error? Queue(string topic, int partition, byte[]? key, byte[] value, Action<DeliveryReport<byte[]?, byte[]>> handler, DeliveryEpoch epoch)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(topic);
            ArgumentNullException.ThrowIfNull(value);
            var target = new TopicPartition(topic, partition);
            var message = new Message<byte[]?, byte[]> { Key = key, Value = value };
            while (true)
            {
                try
                {
                    _producer.Produce(target, message, handler);
                    return null;
                }
                catch (ProduceException<byte[]?, byte[]> exception) when (exception.Error.Code == ErrorCode.Local_QueueFull)
                {
                    WaitForSpace();
                }
                catch (ProduceException<byte[]?, byte[]> exception)
                {
                    return exception.Error;
                }
            }
        }
        catch
        {
            epoch.Exit();
            throw;
        }
    }

    /// <summary>Back-pressure: a full local queue blocks Produce until deliveries make room.</summary>
    private void WaitForSpace()
    {
        lock (_spaceGate)
        {
            _spaceWaiters++;
            try
            {
                // Bounded: a pulse may slip in before we wait, and then the next delivery is the wake-up.
                Monitor.Wait(_spaceGate, SpaceWait);
            }
            finally
            {
                _spaceWaiters--;
            }
        }
    }

    private void SignalSpace()
    {
        if (Volatile.Read(ref _spaceWaiters) > 0)
        {
            lock (_spaceGate)
            {
                Monitor.PulseAll(_spaceGate);
            }
        }
    }

    private void OnDelivery(DeliveryEpoch epoch, DeliveryReport<byte[]?, byte[]> report)
    {
        if (report.Error.IsError)
        {
            _failures.Enqueue((report.TopicPartition, report.Error));
        }

        epoch.Exit();
        SignalSpace();
    }
}
