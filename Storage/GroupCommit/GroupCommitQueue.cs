using Microsoft.Extensions.Logging;

namespace Storage.GroupCommit;

/// <summary>
/// Collects concurrent grain writes and commits them in groups: a committer takes everything that
/// queued up (to the group limit) while the previous group was in flight. Nothing waits on a timer,
/// so a lone write goes out at once and a busy silo gets large groups on its own.
/// </summary>
internal sealed class GroupCommitQueue(
    IGrainStateDialect dialect,
    string serviceId,
    string providerName,
    int maxGroupSize,
    int maxConcurrentGroups,
    GroupCommitMetrics metrics,
    TimeProvider timeProvider,
    ILogger logger)
{
    private const int MinimumExtraGroup = 16;

    private readonly object _gate = new();
    private List<PendingWrite> _pending = [];
    private int _activeCommitters;
    private int _holds;

    public Task<int?> EnqueueAsync(PendingWrite write)
    {
        int start;
        lock (_gate)
        {
            _pending.Add(write);
            start = ReserveCommitters();
        }

        StartCommitters(start);
        return write.Completion.Task;
    }

    /// <summary>Until disposed, writes only queue up; then they commit together. For tests that need a known group.</summary>
    public IDisposable Hold()
    {
        lock (_gate)
        {
            _holds++;
        }

        return new Release(this);
    }

    /// <summary>Whether anything is queued or in flight.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 && _activeCommitters == 0;
            }
        }
    }

    private int ReserveCommitters()
    {
        var start = 0;
        while (_holds == 0 && _activeCommitters < maxConcurrentGroups && _pending.Count > start * maxGroupSize && WorthAnotherGroup(start))
        {
            _activeCommitters++;
            start++;
        }

        return start;
    }

    // A second group in flight pays off only when it is not tiny: each group costs a round trip and
    // a commit flush of its own, so a handful of writes is cheaper waiting for the committer in flight.
    private bool WorthAnotherGroup(int starting) =>
        _activeCommitters + starting == 0 || _pending.Count - (starting * maxGroupSize) >= MinimumExtraGroup;

    private void StartCommitters(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ = Task.Run(CommitLoopAsync);
        }
    }

    private async Task CommitLoopAsync()
    {
        while (true)
        {
            List<PendingWrite> group;
            lock (_gate)
            {
                if (_holds > 0 || _pending.Count == 0)
                {
                    _activeCommitters--;
                    return;
                }

                group = TakeGroup();
            }

            await CommitAsync(group);
        }
    }

    /// <summary>
    /// Takes the oldest writes, up to the limit, with no grain twice: a second write of the same
    /// state (only possible from a duplicate activation) waits for the next group, where its
    /// version check then sees the first one's result.
    /// </summary>
    private List<PendingWrite> TakeGroup()
    {
        var group = new List<PendingWrite>(Math.Min(_pending.Count, maxGroupSize));
        var keys = new HashSet<(string, string)>();
        var rest = new List<PendingWrite>();
        foreach (var write in _pending)
        {
            if (group.Count < maxGroupSize && keys.Add(write.Key))
            {
                group.Add(write);
            }
            else
            {
                rest.Add(write);
            }
        }

        _pending = rest;
        return group;
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var versions = await dialect.CommitAsync(serviceId, group, CancellationToken.None);
            var conflicts = versions.Count(version => version is null);
            metrics.Committed(group.Count, conflicts, timeProvider.GetElapsedTime(started));
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(versions[i]);
            }
        }
        catch (Exception exception)
        {
            GroupCommitLog.CommitFailed(logger, exception, providerName, group.Count);
            foreach (var write in group)
            {
                write.Completion.TrySetException(exception);
            }
        }
    }

    private sealed class Release(GroupCommitQueue queue) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            int start;
            lock (queue._gate)
            {
                queue._holds--;
                start = queue.ReserveCommitters();
            }

            queue.StartCommitters(start);
        }
    }
}
