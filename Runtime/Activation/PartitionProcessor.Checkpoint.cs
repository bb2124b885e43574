using System.Collections.Concurrent;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>Checkpointing: dirty state and consumed positions, committed together under the partition's epoch.</summary>
internal sealed partial class PartitionProcessor
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    // Activations changed since the last snapshot, each listed once (see GrainActivation.EnsureListed).
    private readonly ConcurrentQueue<GrainActivation> _dirty = new();

    // Replaced (never mutated) by the background commit and read by the loop and by statistics.
    private volatile Dictionary<string, long> _committedPositions;
    private volatile Dictionary<string, long> _committedDedupe;
    private TaskCompletionSource _nextCheckpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CheckpointSchedule _schedule;

    // Records applied since the last snapshot (loop only): the positions moved.
    private bool _appliedSinceSnapshot;
    private long _lastCommitTicks;
    private Task _commitInFlight = Task.CompletedTask;
    private IReadOnlyDictionary<string, long> _endOffsets = new Dictionary<string, long>();

    public Task WaitForCheckpointAsync() => Volatile.Read(ref _nextCheckpoint).Task;

    /// <summary>Stops consuming, deactivates every grain and commits a final checkpoint (unless fenced).</summary>
    public async Task StopAsync()
    {
        if (_status == PartitionStatus.Running)
        {
            _status = PartitionStatus.Stopping;
        }

        // Calls held for the replay now fail over at once instead of waiting for their timeout.
        _caughtUp.TrySetResult();
        _inbox.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _commitInFlight.ConfigureAwait(false);
        var activations = _activations.Values.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result).ToList();
        if (_status != PartitionStatus.Fenced)
        {
            foreach (var activation in activations)
            {
                await activation.EnterTurnAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await DeactivateAsync(activation).ConfigureAwait(false);
                    activation.Retire();
                }
                finally
                {
                    activation.ExitTurn();
                }
            }

            await CheckpointAsync(final: true).ConfigureAwait(false);
        }

        // Publishing runs behind the commits: a graceful hand-over leaves the new owner nothing to re-publish.
        await _publishing.ConfigureAwait(false);

        foreach (var activation in activations)
        {
            activation.Retire();
        }

        _activations.Clear();
        if (_status != PartitionStatus.Fenced)
        {
            _status = PartitionStatus.Stopped;
            RuntimeLog.PartitionReleased(_services.Logger, Partition, activations.Count);
        }

        Volatile.Read(ref _nextCheckpoint).TrySetException(new GrainUnavailableException($"Partition {Partition} left this silo."));
        _stopping.Dispose();
    }

    /// <summary>Latest end offsets of this partition's topics, for the lag gauge.</summary>
    public void UpdateEndOffsets(IReadOnlyDictionary<string, long> endOffsets) => _endOffsets = endOffsets;

    public PartitionStatistics Statistics()
    {
        var positions = new Dictionary<string, long>(_committedPositions, StringComparer.Ordinal);
        long lag = 0;
        foreach (var (topic, end) in _endOffsets)
        {
            lag += Math.Max(0, end - positions.GetValueOrDefault(topic));
        }

        var sinceCommit = _services.Time.GetElapsedTime(Interlocked.Read(ref _lastCommitTicks) == 0 ? _schedule.LastCheckpointTicks : Interlocked.Read(ref _lastCommitTicks));
        return new PartitionStatistics(Partition, Epoch, _status.ToString().ToLowerInvariant(), lag, sinceCommit, positions, CountActivationsByType());
    }

    /// <summary>
    /// Due once the interval has passed and the previous commit has ended. Events keep being applied
    /// while a commit runs, so under load commits run back to back instead of stalling the partition.
    /// </summary>
    private bool CheckpointDue() => _commitInFlight.IsCompleted && NextCheckpointDelay() <= TimeSpan.Zero;

    private bool HasUncommitted => _appliedSinceSnapshot || !_dirty.IsEmpty;

    private TimeSpan NextCheckpointDelay() => _schedule.Delay(HasUncommitted);

    /// <summary>
    /// Takes a checkpoint: snapshots dirty grains and positions here, on the partition's loop, then
    /// flushes and commits in the background so the partition keeps applying events meanwhile. At
    /// most one commit is in flight; the next checkpoint (and the final one) waits for it.
    /// </summary>
    private async Task CheckpointAsync(bool final)
    {
        await _commitInFlight.ConfigureAwait(false);
        if (_status == PartitionStatus.Fenced)
        {
            return;
        }

        if (!final && SweepDue())
        {
            await SweepIdleAsync().ConfigureAwait(false);
        }

        var waiters = Interlocked.Exchange(ref _nextCheckpoint, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _schedule.Taken();
        var snapshot = await SnapshotAsync().ConfigureAwait(false);
        _commitInFlight = CommitAsync(snapshot, waiters, final);
        if (final)
        {
            await _commitInFlight.ConfigureAwait(false);
        }
    }

    /// <summary>Lists a changed activation for the next snapshot (called from any thread, inside the grain's turn).</summary>
    public void TrackDirty(GrainActivation activation) => _dirty.Enqueue(activation);

    /// <summary>
    /// Visits only the activations that changed, not every cached grain: with tens of thousands of
    /// users cached, scanning them all at each checkpoint was the costliest part of a light load.
    /// </summary>
    private async Task<CheckpointSnapshot?> SnapshotAsync()
    {
        _appliedSinceSnapshot = false;
        var writes = new List<GrainStateWrite>();
        var saved = new List<(GrainActivation Activation, long Version)>();

        // Only those listed before the snapshot began: one changed meanwhile is queued again behind
        // them, and must not be written twice in one commit.
        for (var remaining = _dirty.Count; remaining > 0 && _dirty.TryDequeue(out var activation); remaining--)
        {
            await activation.EnterTurnAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                activation.Unlist();
                if (activation.IsDirty)
                {
                    var (state, version) = activation.Snapshot();
                    writes.Add(new GrainStateWrite(activation.GrainId.Type, activation.GrainId.Key, state));
                    saved.Add((activation, version));
                }
            }
            finally
            {
                activation.ExitTurn();
            }
        }

        var outbox = TakeOutbox(writes);
        if (writes.Count == 0 && outbox.IsEmpty && SameMap(_positions, _committedPositions) && SameMap(_dedupe, _committedDedupe))
        {
            return null;
        }

        return new CheckpointSnapshot(
            new Dictionary<string, long>(_positions, StringComparer.Ordinal),
            new Dictionary<string, long>(_dedupe, StringComparer.Ordinal),
            writes,
            saved,
            outbox,
            TakeDerived());
    }

    private async Task CommitAsync(CheckpointSnapshot? snapshot, TaskCompletionSource waiters, bool final)
    {
        var started = _services.Time.GetTimestamp();
        try
        {
            if (snapshot is not null)
            {
                await WaitForDerivedAsync(snapshot.Derived).ConfigureAwait(false);
                await _services.Store.CommitAsync(
                    new PartitionCheckpoint(_services.Cluster, Partition, Epoch, snapshot.Positions, snapshot.Dedupe, snapshot.Writes),
                    CancellationToken.None).ConfigureAwait(false);
                foreach (var (activation, version) in snapshot.Saved)
                {
                    activation.MarkSaved(version);
                }

                _committedPositions = snapshot.Positions;
                _committedDedupe = snapshot.Dedupe;
                Interlocked.Exchange(ref _lastCommitTicks, _services.Time.GetTimestamp());
                _services.Instruments.Checkpoints.Add(1);
                _services.Instruments.GrainsWritten.Add(snapshot.Writes.Count);
                var duration = _services.Time.GetElapsedTime(started);
                _schedule.CommitEnded(duration);
                _services.Instruments.CheckpointDuration.Record(duration.TotalSeconds);
            }

            waiters.TrySetResult();
            if (snapshot is not null)
            {
                // The next checkpoint need not wait for this one's messages to be acknowledged.
                _publishing = PublishOutboxAsync(_publishing, snapshot.Outbox);
            }
        }
        catch (PartitionFencedException)
        {
            _status = PartitionStatus.Fenced;
            _services.Instruments.CheckpointFailures.Add(1, new KeyValuePair<string, object?>("reason", "fenced"));
            RuntimeLog.PartitionFenced(_services.Logger, Partition, Epoch);
            waiters.TrySetException(new GrainUnavailableException($"Partition {Partition} moved to another silo before its state was saved here."));
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Storage may be briefly unreachable: the changes stay dirty and the next checkpoint retries.
        catch (Exception exception) when (!final)
#pragma warning restore CA1031
        {
            _services.Instruments.CheckpointFailures.Add(1, new KeyValuePair<string, object?>("reason", "error"));
            RuntimeLog.CheckpointFailed(_services.Logger, exception, Partition);
            foreach (var (activation, _) in snapshot?.Saved ?? [])
            {
                activation.EnsureListed();
            }

            _ = Volatile.Read(ref _nextCheckpoint).Task.ContinueWith(
                next => _ = next.IsCompletedSuccessfully ? waiters.TrySetResult() : waiters.TrySetException(next.Exception?.InnerExceptions ?? []),
                TaskScheduler.Default);
        }
    }

    private static bool SameMap(Dictionary<string, long> left, Dictionary<string, long> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
