using System.Threading.Channels;
using Confluent.Kafka;
using Ingest.Processing;

namespace Ingest.Kafka;

/// <summary>An assigned partition on the consuming thread: its processor and the channel that feeds it.</summary>
internal sealed class PartitionSlot(TopicPartition topicPartition)
{
    public TopicPartition TopicPartition { get; } = topicPartition;

    public IPartitionProcessor? Processor { get; set; }

    public ChannelWriter<SourceRecord>? Writer { get; set; }

    /// <summary>The last offset handed to the processor: a fetch that raced a seek may repeat some.</summary>
    public long LastEnqueued { get; set; } = -1;

    /// <summary>When a failed start or a failed processor is retried next.</summary>
    public DateTimeOffset RetryAt { get; set; }

    /// <summary>True when the processor must be (re)started: never started, or failed for a reason other than losing the partition.</summary>
    public bool NeedsStart => Processor is null
        || (Processor.Completion.IsFaulted && Processor.Completion.Exception?.InnerException is not Checkpoints.PartitionFencedException);
}
