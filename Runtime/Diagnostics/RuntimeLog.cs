using Microsoft.Extensions.Logging;

namespace Runtime.Diagnostics;

/// <summary>The runtime's structured log messages.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Information, "Partition {Partition} acquired at epoch {Epoch}, resuming from {Positions}")]
    public static partial void PartitionAcquired(ILogger logger, int partition, long epoch, string positions);

    [LoggerMessage(2, LogLevel.Information, "Partition {Partition} released after {Activations} activations were saved")]
    public static partial void PartitionReleased(ILogger logger, int partition, int activations);

    [LoggerMessage(3, LogLevel.Warning, "Partition {Partition} was fenced at epoch {Epoch}: another silo owns it now; dropping its activations")]
    public static partial void PartitionFenced(ILogger logger, int partition, long epoch);

    [LoggerMessage(4, LogLevel.Error, "Checkpoint of partition {Partition} failed; will retry")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception, int partition);

    [LoggerMessage(5, LogLevel.Warning, "Record {Topic}/{Partition}@{Offset} sent to the dead-letter topic: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string topic, int partition, long offset, string reason);

    [LoggerMessage(7, LogLevel.Information, "Assigned partitions [{Partitions}]")]
    public static partial void Assigned(ILogger logger, string partitions);

    [LoggerMessage(8, LogLevel.Information, "Revoked partitions [{Partitions}]")]
    public static partial void Revoked(ILogger logger, string partitions);

    [LoggerMessage(9, LogLevel.Error, "The consumer loop failed; the silo stops consuming")]
    public static partial void ConsumerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Background task {Task} failed; it will run again")]
    public static partial void BackgroundTaskFailed(ILogger logger, Exception exception, string task);

    [LoggerMessage(11, LogLevel.Error, "Deactivating grain {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, string grainId);

    [LoggerMessage(12, LogLevel.Error, "Stopping partition {Partition} failed")]
    public static partial void PartitionStopFailed(ILogger logger, Exception exception, int partition);

    [LoggerMessage(13, LogLevel.Warning, "Publishing {Count} committed messages of partition {Partition} failed; the next checkpoint retries")]
    public static partial void OutboxPublishFailed(ILogger logger, Exception exception, int partition, int count);

    [LoggerMessage(14, LogLevel.Information, "Partition {Partition} resumes with {Count} committed messages still to publish")]
    public static partial void OutboxRecovered(ILogger logger, int partition, int count);

    [LoggerMessage(15, LogLevel.Information, "Partition {Partition} caught up with its log in {Milliseconds} ms; grain calls run")]
    public static partial void PartitionCaughtUp(ILogger logger, int partition, long milliseconds);

    [LoggerMessage(16, LogLevel.Warning, "Partition {Partition} could not read its log's end offsets; grain calls run before the replay ends")]
    public static partial void CatchUpUnknown(ILogger logger, Exception exception, int partition);
}
