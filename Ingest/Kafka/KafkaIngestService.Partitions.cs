using System.Threading.Channels;
using Confluent.Kafka;
using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Processing;

namespace Ingest.Kafka;

internal sealed partial class KafkaIngestService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    /// <summary>Acquires every assigned partition and returns its committed offset to start from.</summary>
    private List<TopicPartitionOffset> OnAssigned(List<TopicPartition> partitions)
    {
        IngestLog.Rebalanced(_logger, "assigned", string.Join(",", partitions.Select(p => p.Partition.Value)));
        var slots = partitions.Select(partition => _slots[partition.Partition.Value] = new PartitionSlot(partition)).ToList();
        var starts = slots.Select(TryStartAsync).ToArray();

        // librdkafka waits for this handler; the acquires run together.
        Task.WhenAll(starts).GetAwaiter().GetResult();

        // A partition whose acquire failed starts nowhere useful; its retry seeks to the committed offset.
        return [.. slots.Zip(starts, (slot, start) => new TopicPartitionOffset(slot.TopicPartition, start.Result is { } lease ? new Offset(lease.NextOffset) : Offset.End))];
    }

    /// <summary>Lets each processor finish and commit its batch, then drops it.</summary>
    private void OnRevoked(IEnumerable<TopicPartition> partitions)
    {
        var revoked = partitions.Select(p => _slots.GetValueOrDefault(p.Partition.Value)).OfType<PartitionSlot>().ToList();
        if (revoked.Count == 0)
        {
            return;
        }

        IngestLog.Rebalanced(_logger, "revoked", string.Join(",", revoked.Select(slot => slot.TopicPartition.Partition.Value)));
        foreach (var slot in revoked)
        {
            _slots.Remove(slot.TopicPartition.Partition.Value);
        }

        Task.WhenAll(revoked.Select(StopAsync)).GetAwaiter().GetResult();
    }

    /// <summary>Restarts processors that failed (a lost commit answer, a database outage) and seeks to their committed offset.</summary>
    private void RestartFailed(IConsumer<byte[]?, byte[]> consumer)
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var slot in _slots.Values.Where(slot => slot.NeedsStart && slot.RetryAt <= now).ToList())
        {
            StopAsync(slot).GetAwaiter().GetResult();
            if (TryStartAsync(slot).GetAwaiter().GetResult() is { } lease)
            {
                consumer.Seek(new TopicPartitionOffset(slot.TopicPartition, new Offset(lease.NextOffset)));
            }
        }
    }

    private async Task<PartitionLease?> TryStartAsync(PartitionSlot slot)
    {
        var channel = Channel.CreateBounded<SourceRecord>(new BoundedChannelOptions(_ingest.BufferCapacity) { SingleWriter = true, SingleReader = true });
        var id = new PartitionId(_ingest.ClusterName, slot.TopicPartition.Topic, slot.TopicPartition.Partition.Value);
        var processor = _factory.Create(id, channel.Reader);
        try
        {
            var lease = await processor.StartAsync(_owner, CancellationToken.None);
            (slot.Processor, slot.Writer, slot.LastEnqueued) = (processor, channel.Writer, lease.NextOffset - 1);
            return lease;
        }
        catch (Exception exception)
        {
            IngestLog.ProcessorFailed(_logger, id.ToString(), exception);
            slot.RetryAt = _timeProvider.GetUtcNow() + RestartDelay;
            await processor.DisposeAsync();
            return null;
        }
    }

    private async Task StopAsync(PartitionSlot slot)
    {
        slot.Writer?.TryComplete();
        if (slot.Processor is { } processor)
        {
            using var timeout = new CancellationTokenSource(_ingest.StopTimeout);
            await processor.StopAsync(timeout.Token);
            await processor.DisposeAsync();
        }

        (slot.Processor, slot.Writer) = (null, null);
    }
}
