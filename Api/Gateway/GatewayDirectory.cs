using Microsoft.Extensions.Options;
using Runtime.Abstractions;
using Runtime.Hosting;
using Runtime.Remoting;
using Runtime.Storage;

namespace Api.Gateway;

/// <summary>
/// The gateway's view of the cluster, re-read from PostgreSQL every <see cref="GatewayOptions.DirectoryRefreshInterval"/>
/// and at once after a forwarded request hit a moved owner: which silo owns each partition, and which silos are alive.
/// </summary>
internal sealed partial class GatewayDirectory(
    ICheckpointStore store, IOptions<ClusterOptions> cluster, IOptions<GatewayOptions> options, TimeProvider time, ILogger<GatewayDirectory> logger) : BackgroundService
{
    private static readonly TimeSpan PollStep = TimeSpan.FromMilliseconds(50);
    private readonly PartitionDirectory _owners = new(store, cluster.Value.Name);
    private volatile Uri[] _live = [];
    private int _next;

    /// <summary>Partitions seen in the directory; every partition has a row once the cluster has assigned it once.</summary>
    public int PartitionCount { get; private set; }

    public bool IsReady => PartitionCount > 0 && _owners.Entries.Count == PartitionCount && _live.Length > 0;

    public void RequestRefresh() => _owners.RequestRefresh();

    /// <summary>The owner of <paramref name="key"/>'s partition, or null when unknown.</summary>
    public Uri? OwnerOf(string key)
    {
        var count = PartitionCount;
        return count == 0 ? null : _owners.OwnerOf(GrainPartitioner.PartitionOf(key, count));
    }

    /// <summary>A live silo, in turn, for requests any silo can answer; null when none is known.</summary>
    public Uri? AnySilo()
    {
        var live = _live;
        return live.Length == 0 ? null : live[(int)((uint)Interlocked.Increment(ref _next) % live.Length)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRefresh = long.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_owners.RefreshRequested || lastRefresh == long.MinValue || time.GetElapsedTime(lastRefresh) >= options.Value.DirectoryRefreshInterval)
            {
                lastRefresh = time.GetTimestamp();
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }

            await Task.Delay(PollStep, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _owners.RefreshAsync(cancellationToken).ConfigureAwait(false);
            PartitionCount = _owners.Entries.Count == 0 ? 0 : _owners.Entries.Keys.Max() + 1;
            var now = time.GetUtcNow();
            var silos = await store.ReadSilosAsync(cluster.Value.Name, cancellationToken).ConfigureAwait(false);
            _live = [.. silos.Where(silo => silo.Status == "active" && now - silo.LastHeartbeat < options.Value.SiloLiveness)
                .Select(silo => Uri.TryCreate(silo.Address, UriKind.Absolute, out var address) ? address : null)
                .OfType<Uri>()];
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The next tick retries; a storage hiccup must not end the refresh loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RefreshFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the partition directory failed; retrying")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
