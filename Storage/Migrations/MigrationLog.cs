using Microsoft.Extensions.Logging;

namespace Storage.Migrations;

internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Applied schema migration {FileName} on {Database}")]
    public static partial void Applied(ILogger logger, string fileName, StorageDatabase database);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Schema on {Database} is current: {Applied} applied now, {Total} known")]
    public static partial void Current(ILogger logger, StorageDatabase database, int applied, int total);
}
