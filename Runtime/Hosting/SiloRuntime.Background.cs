using Runtime.Diagnostics;

namespace Runtime.Hosting;

/// <summary>The silo's periodic work: heartbeat, lag and directory refresh.</summary>
public sealed partial class SiloRuntime
{
    private static readonly TimeSpan DirectoryPollStep = TimeSpan.FromMilliseconds(50);

    private Task RunBackgroundAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(
            Task.Run(() => HeartbeatLoopAsync(cancellationToken), cancellationToken),
            Task.Run(() => DirectoryLoopAsync(cancellationToken), cancellationToken));

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await TryHeartbeatAsync("active", cancellationToken).ConfigureAwait(false);
            await RefreshLagAsync(cancellationToken).ConfigureAwait(false);
            await DelayAsync(options.Value.HeartbeatInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DirectoryLoopAsync(CancellationToken cancellationToken)
    {
        var lastRefresh = long.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Directory!.RefreshRequested || lastRefresh == long.MinValue || time.GetElapsedTime(lastRefresh) >= options.Value.DirectoryRefreshInterval)
            {
                lastRefresh = time.GetTimestamp();
                await GuardAsync("directory", () => Directory.RefreshAsync(cancellationToken)).ConfigureAwait(false);
            }

            await DelayAsync(DirectoryPollStep, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TryHeartbeatAsync(string status, CancellationToken cancellationToken)
    {
        var identity = Identity!;
        var now = time.GetUtcNow();
        var record = new Storage.SiloRecord(identity.SiloId, identity.Address, Environment.MachineName, _startedAt, now, status);
        if (await GuardAsync("heartbeat", () => store.HeartbeatAsync(Cluster, record, cancellationToken)).ConfigureAwait(false))
        {
            Interlocked.Exchange(ref _lastHeartbeatTicks, time.GetTimestamp());
        }
    }

    private async Task RefreshLagAsync(CancellationToken cancellationToken)
    {
        foreach (var processor in Manager.Processors)
        {
            var ends = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var topic in new[] { Topics.Events, Topics.Internal })
            {
                await GuardAsync("lag", async () => ends[topic] = await log.GetEndOffsetAsync(topic, processor.Partition, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }

            processor.UpdateEndOffsets(ends);
        }
    }

    private async Task<bool> GuardAsync(string task, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // Periodic work retries on its next tick; one failure must not end the loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RuntimeLog.BackgroundTaskFailed(logger, exception, task);
            return false;
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
