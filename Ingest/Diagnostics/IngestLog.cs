using Microsoft.Extensions.Logging;

namespace Ingest.Diagnostics;

internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Information, "Partition {Partition} acquired at epoch {Epoch} by {Owner}: next offset {Offset}, {Outbox} undelivered outbox rows")]
    public static partial void Acquired(ILogger logger, string partition, long epoch, string owner, long offset, int outbox);

    [LoggerMessage(2, LogLevel.Warning, "Partition {Partition} was taken over (epoch {Epoch} is stale); its processor stops")]
    public static partial void Fenced(ILogger logger, string partition, long epoch);

    [LoggerMessage(3, LogLevel.Warning, "Partition {Partition}: {Operation} failed, retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string partition, string operation, TimeSpan delay, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Partition {Partition}: record at offset {Offset} dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string partition, long offset, string reason);

    [LoggerMessage(5, LogLevel.Error, "Partition {Partition}: processor failed; it stops and the partition must be acquired again")]
    public static partial void ProcessorFailed(ILogger logger, string partition, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Partition {Partition} stopped at offset {Offset}")]
    public static partial void Stopped(ILogger logger, string partition, long offset);

    [LoggerMessage(7, LogLevel.Information, "Kafka ingest of {Topic} started as group {Group}")]
    public static partial void KafkaStarted(ILogger logger, string topic, string group);

    [LoggerMessage(8, LogLevel.Information, "Partitions {Change}: {Partitions}")]
    public static partial void Rebalanced(ILogger logger, string change, string partitions);

    [LoggerMessage(9, LogLevel.Warning, "Kafka consumer error {Code}: {Reason}")]
    public static partial void KafkaError(ILogger logger, string code, string reason);

    [LoggerMessage(10, LogLevel.Error, "Kafka ingest loop failed")]
    public static partial void KafkaLoopFailed(ILogger logger, Exception exception);
}
