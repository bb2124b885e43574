using Confluent.Kafka;
using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.Kafka;

/// <summary>
/// This silo's member of the ingest consumer group (<c>&lt;cluster&gt;.ingest</c>). Assigned
/// partitions get a processor that acquires the partition and tells where to seek; revoked ones
/// finish their batch, commit and stop. The consuming thread only hands records to the processors.
/// </summary>
internal sealed partial class KafkaIngestService : BackgroundService
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);

    private readonly KafkaOptions _kafka;
    private readonly IngestOptions _ingest;
    private readonly IPartitionProcessorFactory _factory;
    private readonly ICheckpointStore _store;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<int, PartitionSlot> _slots = [];
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public KafkaIngestService(IOptions<KafkaOptions> kafka, IOptions<IngestOptions> ingest, IPartitionProcessorFactory factory, ICheckpointStore store,
        IHostApplicationLifetime lifetime, TimeProvider timeProvider, ILogger<KafkaIngestService> logger)
    {
        (_kafka, _ingest, _factory, _store) = (kafka.Value, ingest.Value, factory, store);
        (_lifetime, _timeProvider, _logger) = (lifetime, timeProvider, logger);
    }

    public string GroupId => $"{_ingest.ClusterName}.ingest";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls need a running silo; hosted services start in registration order.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await _store.EnsureSchemaAsync(stoppingToken);
        await Task.Factory.StartNew(() => Consume(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Consume(CancellationToken stoppingToken)
    {
        var consumer = new ConsumerBuilder<byte[]?, byte[]>(KafkaClientConfig.Consumer(_kafka, GroupId))
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions.Select(p => p.TopicPartition)))
            .SetPartitionsLostHandler((_, partitions) => OnRevoked(partitions.Select(p => p.TopicPartition)))
            .SetErrorHandler((_, error) => IngestLog.KafkaError(_logger, error.Code.ToString(), error.Reason))
            .Build();
        try
        {
            consumer.Subscribe(_ingest.Topic);
            IngestLog.KafkaStarted(_logger, _ingest.Topic, GroupId);
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<byte[]?, byte[]>? result;
                try
                {
                    result = consumer.Consume(PollTimeout);
                }
                catch (ConsumeException exception) when (!exception.Error.IsFatal)
                {
                    IngestLog.KafkaError(_logger, exception.Error.Code.ToString(), exception.Error.Reason);
                    continue;
                }

                RestartFailed(consumer);
                if (result is { IsPartitionEOF: false, Message: { } message })
                {
                    Dispatch(result.Partition.Value, new SourceRecord(result.Offset.Value, message.Key, message.Value ?? []), stoppingToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            IngestLog.KafkaLoopFailed(_logger, exception);
            throw;
        }
        finally
        {
            // Close leaves the group at once, calling the revoked handler (which commits) on this thread.
            try
            {
                consumer.Close();
            }
            finally
            {
                OnRevoked([.. _slots.Values.Select(slot => slot.TopicPartition)]);
                consumer.Dispose();
            }
        }
    }

    /// <summary>Hands a record to its partition's processor, waiting while that processor's buffer is full.</summary>
    private void Dispatch(int partition, SourceRecord record, CancellationToken stoppingToken)
    {
        if (!_slots.TryGetValue(partition, out var slot) || slot.Writer is null || record.Offset <= slot.LastEnqueued)
        {
            return;
        }

        while (!slot.Writer.TryWrite(record))
        {
            // A stopped processor drains nothing: drop the record, its restart seeks back.
            if (stoppingToken.IsCancellationRequested || slot.Processor?.Completion.IsCompleted != false)
            {
                return;
            }

            // Not cancellable: the loop checks the token, and a cancelled wait would throw from here.
            slot.Writer.WaitToWriteAsync(CancellationToken.None).AsTask().Wait(PollTimeout, CancellationToken.None);
        }

        slot.LastEnqueued = record.Offset;
    }
}
