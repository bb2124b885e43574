using Microsoft.Extensions.Logging;

namespace Runtime.Hosting;

/// <summary>The silo host's structured log messages.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(100, LogLevel.Information, "Silo {SiloId} is up at {Address}: cluster {Cluster}, {Mode} mode, {Partitions} partitions")]
    public static partial void Started(ILogger logger, string siloId, string address, string cluster, string mode, int partitions);

    [LoggerMessage(101, LogLevel.Critical, "The silo could not join its cluster and is stopping")]
    public static partial void StartFailed(ILogger logger, Exception exception);
}
