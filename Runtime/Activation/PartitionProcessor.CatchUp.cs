using Runtime.Diagnostics;

namespace Runtime.Activation;

/// <summary>
/// Holds grain calls on a partition this silo has just taken over until it has re-applied everything its
/// log held at that moment. The previous owner answered from state that included records applied after
/// its last checkpoint; answering from the checkpoint alone would let a read go back in time.
/// </summary>
internal sealed partial class PartitionProcessor
{
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<string, long>? _replayTo;
    private long _acquiredTicks;

    private Task WaitForCatchUpAsync(CancellationToken cancellationToken) =>
        _caughtUp.Task.IsCompleted ? Task.CompletedTask : _caughtUp.Task.WaitAsync(cancellationToken);

    /// <summary>Reads how far the replay must go: each input topic's end offset, unless the topic holds nothing left to read.</summary>
    private async Task ReadReplayTargetAsync(CancellationToken token)
    {
        _acquiredTicks = _services.Time.GetTimestamp();
        var targets = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            foreach (var topic in new[] { _services.Topics.Events, _services.Topics.Internal })
            {
                var (start, end) = await _services.Log.GetOffsetRangeAsync(topic, Partition, token).ConfigureAwait(false);
                if (end > Math.Max(start, _positions.GetValueOrDefault(topic)))
                {
                    targets[topic] = end;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without the end offsets there is no target: serve as before rather than hold calls forever.
            RuntimeLog.CatchUpUnknown(_services.Logger, exception, Partition);
            _caughtUp.TrySetResult();
            return;
        }

        _replayTo = targets;
        CheckCaughtUp();
    }

    /// <summary>Opens the gate once every position has reached its target; runs on the partition's loop after each batch.</summary>
    private void CheckCaughtUp()
    {
        if (_replayTo is null || _caughtUp.Task.IsCompleted)
        {
            return;
        }

        foreach (var (topic, end) in _replayTo)
        {
            if (_positions.GetValueOrDefault(topic) < end)
            {
                return;
            }
        }

        _caughtUp.TrySetResult();
        if (_replayTo.Count > 0)
        {
            RuntimeLog.PartitionCaughtUp(_services.Logger, Partition, (long)_services.Time.GetElapsedTime(_acquiredTicks).TotalMilliseconds);
        }
    }
}
