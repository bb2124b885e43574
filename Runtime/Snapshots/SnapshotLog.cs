using Microsoft.Extensions.Logging;

namespace Runtime.Snapshots;

internal static partial class SnapshotLog
{
    [LoggerMessage(1, LogLevel.Warning, "Snapshot of {Grain} at offset {Offset} could not be decoded; the previous one stays cached")]
    public static partial void Undecodable(ILogger logger, Exception exception, string grain, long offset);

    [LoggerMessage(2, LogLevel.Error, "The snapshot reader failed; cached snapshots go stale")]
    public static partial void ReaderFailed(ILogger logger, Exception exception);
}
