using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>Checkpointing: dirty state and consumed positions, committed together under the partition's epoch.</summary>
internal sealed partial class PartitionProcessor
{
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(10);
    private Dictionary<string, long> _committedPositions;
    private Dictionary<string, long> _committedDedupe;
    private TaskCompletionSource _nextCheckpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastCheckpointTicks;
    private long _lastCommitTicks;
    private IReadOnlyDictionary<string, long> _endOffsets = new Dictionary<string, long>();

    public Task WaitForCheckpointAsync() => Volatile.Read(ref _nextCheckpoint).Task;

    /// <summary>Stops consuming, deactivates every grain and commits a final checkpoint (unless fenced).</summary>
    public async Task StopAsync()
    {
        if (_status == PartitionStatus.Running)
        {
            _status = PartitionStatus.Stopping;
        }

        _inbox.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
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

        var sinceCommit = _services.Time.GetElapsedTime(Interlocked.Read(ref _lastCommitTicks) == 0 ? _lastCheckpointTicks : Interlocked.Read(ref _lastCommitTicks));
        return new PartitionStatistics(Partition, Epoch, _status.ToString().ToLowerInvariant(), lag, sinceCommit, positions, CountActivationsByType());
    }

    private bool CheckpointDue() => NextCheckpointDelay() <= TimeSpan.Zero;

    private TimeSpan NextCheckpointDelay() =>
        _services.Options.CheckpointInterval - _services.Time.GetElapsedTime(_lastCheckpointTicks);

    private async Task CheckpointAsync(bool final)
    {
        var waiters = Interlocked.Exchange(ref _nextCheckpoint, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var started = _services.Time.GetTimestamp();
        _lastCheckpointTicks = started;
        try
        {
            await CommitAsync().ConfigureAwait(false);
            waiters.TrySetResult();
        }
        catch (PartitionFencedException)
        {
            _status = PartitionStatus.Fenced;
            _services.Instruments.CheckpointFailures.Add(1, new KeyValuePair<string, object?>("reason", "fenced"));
            RuntimeLog.PartitionFenced(_services.Logger, Partition, Epoch);
            waiters.TrySetException(new GrainUnavailableException($"Partition {Partition} moved to another silo before its state was saved here."));
            await _stopping.CancelAsync().ConfigureAwait(false);
            return;
        }
#pragma warning disable CA1031 // Storage may be briefly unreachable: keep the changes dirty and retry at the next interval.
        catch (Exception exception) when (!final)
#pragma warning restore CA1031
        {
            _services.Instruments.CheckpointFailures.Add(1, new KeyValuePair<string, object?>("reason", "error"));
            RuntimeLog.CheckpointFailed(_services.Logger, exception, Partition);
            _ = Volatile.Read(ref _nextCheckpoint).Task.ContinueWith(
                next => _ = next.IsCompletedSuccessfully ? waiters.TrySetResult() : waiters.TrySetException(next.Exception?.InnerExceptions ?? []),
                TaskScheduler.Default);
            return;
        }

        _services.Instruments.CheckpointDuration.Record(_services.Time.GetElapsedTime(started).TotalSeconds);
        if (!final)
        {
            await SweepIdleAsync().ConfigureAwait(false);
        }
    }

    private async Task CommitAsync()
    {
        var writes = new List<GrainStateWrite>();
        var saved = new List<(GrainActivation Activation, long Version)>();
        foreach (var task in _activations.Values)
        {
            if (!task.IsCompletedSuccessfully || !task.Result.IsDirty)
            {
                continue;
            }

            var activation = task.Result;
            await activation.EnterTurnAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                var (state, version) = activation.Snapshot();
                writes.Add(new GrainStateWrite(activation.GrainId.Type, activation.GrainId.Key, state));
                saved.Add((activation, version));
            }
            finally
            {
                activation.ExitTurn();
            }
        }

        if (writes.Count == 0 && SameMap(_positions, _committedPositions) && SameMap(_dedupe, _committedDedupe))
        {
            return;
        }

        // Re-routed and dead-lettered records must be durable before the offsets that produced them are.
        using (var flushTimeout = new CancellationTokenSource(FinalFlushTimeout))
        {
            await _services.Producer.FlushAsync(flushTimeout.Token).ConfigureAwait(false);
        }

        var positions = new Dictionary<string, long>(_positions, StringComparer.Ordinal);
        var dedupe = new Dictionary<string, long>(_dedupe, StringComparer.Ordinal);
        await _services.Store.CommitAsync(
            new PartitionCheckpoint(_services.Cluster, Partition, Epoch, positions, dedupe, writes),
            CancellationToken.None).ConfigureAwait(false);
        foreach (var (activation, version) in saved)
        {
            activation.MarkSaved(version);
        }

        _committedPositions = positions;
        _committedDedupe = dedupe;
        Interlocked.Exchange(ref _lastCommitTicks, _services.Time.GetTimestamp());
        _services.Instruments.Checkpoints.Add(1);
    }

    private static bool SameMap(Dictionary<string, long> left, Dictionary<string, long> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
