using Microsoft.Extensions.Logging;

namespace Runtime.Kafka;

internal static partial class KafkaLogMessages
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Created topics {Topics} with CreateTopics")]
    public static partial void TopicsCreated(ILogger logger, string topics);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "CreateTopics is not available ({Reason}); relying on broker auto-creation through metadata requests for {Topics}")]
    public static partial void AutoCreatingTopics(ILogger logger, string reason, string topics);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "CreateTopics failed for {Topic}: {ErrorCode} {Reason}; falling back to metadata")]
    public static partial void CreateTopicFailed(ILogger logger, string topic, Confluent.Kafka.ErrorCode errorCode, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Topic {Topic} is ready with {Partitions} partitions")]
    public static partial void TopicReady(ILogger logger, string topic, int partitions);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Topic {Topic} has {Actual} partitions, not the {Requested} requested")]
    public static partial void PartitionCountDiffers(ILogger logger, string topic, int requested, int actual);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Topic {Topic} was auto-created by the broker without cleanup.policy=compact; configure it on the broker")]
    public static partial void CompactionNotApplied(ILogger logger, string topic);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Group {GroupId} member {MemberId}: assigned {Partitions}")]
    public static partial void PartitionsAssigned(ILogger logger, string groupId, string memberId, string partitions);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Group {GroupId} member {MemberId}: revoked {Partitions}")]
    public static partial void PartitionsRevoked(ILogger logger, string groupId, string memberId, string partitions);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Group {GroupId} member {MemberId}: lost {Partitions}")]
    public static partial void PartitionsLost(ILogger logger, string groupId, string memberId, string partitions);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Group {GroupId}: consume error {ErrorCode} {Reason}")]
    public static partial void ConsumeError(ILogger logger, string groupId, Confluent.Kafka.ErrorCode errorCode, string reason);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Debug, Message = "Group {GroupId}: commit not recorded: {ErrorCode} {Reason}")]
    public static partial void CommitFailed(ILogger logger, string groupId, Confluent.Kafka.ErrorCode errorCode, string reason);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Group {GroupId}: closing the consumer failed")]
    public static partial void CloseFailed(ILogger logger, string groupId, Exception exception);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Kafka client {Client} error {ErrorCode} (fatal: {IsFatal}): {Reason}")]
    public static partial void ClientError(ILogger logger, string client, Confluent.Kafka.ErrorCode errorCode, bool isFatal, string reason);

    [LoggerMessage(EventId = 3021, Message = "librdkafka {Client} {Facility}: {Text}")]
    public static partial void Librdkafka(ILogger logger, LogLevel level, string client, string facility, string text);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Error, Message = "{Count} produced record(s) were not acknowledged; first {Topic}[{Partition}]: {Reason}")]
    public static partial void DeliveriesFailed(ILogger logger, int count, string topic, int partition, string reason);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Producer disposed with {Count} record(s) still unacknowledged")]
    public static partial void UnflushedOnDispose(ILogger logger, int count);
}
