using Microsoft.Extensions.Logging;

namespace Storage.GroupCommit;

internal static partial class GroupCommitLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Group-commit grain storage {Provider} opened on {Database}, at most {MaxGroupSize} writes per group")]
    public static partial void Opened(ILogger logger, string provider, StorageDatabase database, int maxGroupSize);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Group-commit grain storage {Provider} failed to commit a group of {Rows} writes")]
    public static partial void CommitFailed(ILogger logger, Exception exception, string provider, int rows);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Debug, Message = "Grain storage {Provider}: stale ETag {ETag} for {StateName} of {GrainId}")]
    public static partial void Conflict(ILogger logger, string provider, string? eTag, string stateName, string grainId);
}
