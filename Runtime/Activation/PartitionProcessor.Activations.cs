using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Grains;

namespace Runtime.Activation;

/// <summary>The activation table of one partition: creation on first use, batch loading, idle removal.</summary>
internal sealed partial class PartitionProcessor
{
    private readonly ConcurrentDictionary<GrainId, Task<GrainActivation>> _activations = new();
    private volatile bool _sweepRequested;
    private long _lastSweepTicks;

    public int ActivationCount => _activations.Count;

    /// <summary>Runs one grain call as a turn, activating the grain if needed.</summary>
    public async Task<object?> InvokeAsync(GrainId grainId, Func<Grain, Task<object?>> call, CancellationToken cancellationToken)
    {
        await WaitForCatchUpAsync(cancellationToken).ConfigureAwait(false);

        // An activation can be retired between lookup and turn (idle sweep); a fresh lookup then finds or makes its successor.
        for (var attempt = 0; ; attempt++)
        {
            var activation = await GetActivationAsync(grainId, cancellationToken).ConfigureAwait(false);
            try
            {
                return await activation.RunTurnAsync(call, _services.Time.GetTimestamp(), cancellationToken).ConfigureAwait(false);
            }
            catch (GrainUnavailableException) when (attempt < 3 && _status == PartitionStatus.Running)
            {
            }
        }
    }

    private async Task<GrainActivation> GetActivationAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        while (true)
        {
            EnsureRunning();
            if (_activations.TryGetValue(grainId, out var existing))
            {
                var activation = await existing.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (activation.IsActive)
                {
                    return activation;
                }

                _activations.TryRemove(new KeyValuePair<GrainId, Task<GrainActivation>>(grainId, existing));
                continue;
            }

            var created = new TaskCompletionSource<GrainActivation>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_activations.TryAdd(grainId, created.Task))
            {
                await LoadAsync(grainId.Type, [(grainId.Key, created)]).ConfigureAwait(false);
                return await created.Task.ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Activates the batch's grains at <paramref name="grains"/> (indices into <see cref="_grains"/>, all
    /// of <paramref name="grainType"/>) into <see cref="_activated"/>, loading every missing state in one storage round trip.
    /// </summary>
    private async Task ActivateManyAsync(string grainType, List<int> grains)
    {
        List<(int Grain, Task<GrainActivation> Task)>? waiting = null;
        List<(string Key, TaskCompletionSource<GrainActivation> Source)>? toLoad = null;
        foreach (var grain in grains)
        {
            var grainId = _grains[grain];
            while (true)
            {
                if (_activations.TryGetValue(grainId, out var existing))
                {
                    if (existing.IsCompletedSuccessfully)
                    {
                        _activated[grain] = existing.Result;
                    }
                    else
                    {
                        (waiting ??= []).Add((grain, existing));
                    }

                    break;
                }

                var created = new TaskCompletionSource<GrainActivation>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_activations.TryAdd(grainId, created.Task))
                {
                    (toLoad ??= []).Add((grainId.Key, created));
                    (waiting ??= []).Add((grain, created.Task));
                    break;
                }
            }
        }

        if (toLoad is not null)
        {
            await LoadAsync(grainType, toLoad).ConfigureAwait(false);
        }

        foreach (var (grain, task) in waiting ?? [])
        {
            _activated[grain] = await task.ConfigureAwait(false);
        }
    }

    private async Task LoadAsync(string grainType, IReadOnlyList<(string Key, TaskCompletionSource<GrainActivation> Source)> toLoad)
    {
        var registration = _services.Registry.Get(grainType);
        IReadOnlyDictionary<string, Storage.StoredGrainState> states;
        try
        {
            states = await _services.Store.ReadGrainsAsync(_services.Cluster, grainType, toLoad.Select(item => item.Key).ToList(), _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            foreach (var (key, source) in toLoad)
            {
                _activations.TryRemove(new GrainId(grainType, key), out _);
                source.TrySetException(new GrainUnavailableException($"Could not load grain {grainType}/{key}: {exception.Message}", exception));
            }

            throw;
        }

        foreach (var (key, source) in toLoad)
        {
            var grainId = new GrainId(grainType, key);
            try
            {
                var grain = registration.Create(_services.Services);
                var activation = new GrainActivation(grainId, grain, this, this, _services.Messages, _services.Time.GetTimestamp());
                grain.LoadState(states.TryGetValue(key, out var stored) ? stored.State : null);
                await grain.OnActivateAsync(_stopping.Token).ConfigureAwait(false);
                source.TrySetResult(activation);
            }
#pragma warning disable CA1031 // The failure is handed to every caller waiting for this activation.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _activations.TryRemove(grainId, out _);
                source.TrySetException(exception);
            }
        }
    }

    /// <summary>A grain asked to be deactivated: the next checkpoint sweeps instead of waiting for the scheduled sweep.</summary>
    public void RequestSweep() => _sweepRequested = true;

    /// <summary>
    /// Visiting every activation is O(cached grains), far too dear for every checkpoint of a silo
    /// holding tens of thousands: idle grains are swept a few times per idle timeout (at most every
    /// 10 s), and at once when a grain asks to be deactivated.
    /// </summary>
    private bool SweepDue()
    {
        var interval = TimeSpan.FromTicks(Math.Min(_services.Options.IdleTimeout.Ticks / 4, TimeSpan.TicksPerSecond * 10));
        return _sweepRequested || _services.Time.GetElapsedTime(_lastSweepTicks) >= interval;
    }

    /// <summary>Deactivates clean activations that have been idle too long or asked to go.</summary>
    private async Task SweepIdleAsync()
    {
        var now = _services.Time.GetTimestamp();
        _lastSweepTicks = now;
        _sweepRequested = false;
        foreach (var (grainId, task) in _activations)
        {
            if (!task.IsCompletedSuccessfully)
            {
                continue;
            }

            var activation = task.Result;
            var idle = _services.Time.GetElapsedTime(activation.LastUsedTicks, now) >= _services.Options.IdleTimeout;
            if (activation.IsDirty || !(idle || activation.DeactivationRequested))
            {
                continue;
            }

            await activation.EnterTurnAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                // Dirty again (a call slipped in) means not idle after all; a later sweep retries.
                if (activation.IsDirty)
                {
                    continue;
                }

                await DeactivateAsync(activation).ConfigureAwait(false);
                if (!activation.IsDirty)
                {
                    activation.Retire();
                    _activations.TryRemove(grainId, out _);
                }
            }
            finally
            {
                activation.ExitTurn();
            }
        }
    }

    private async Task DeactivateAsync(GrainActivation activation)
    {
        try
        {
            await activation.Grain.OnDeactivateAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing OnDeactivateAsync must not keep the partition from moving on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RuntimeLog.DeactivationFailed(_services.Logger, exception, activation.GrainId.ToString());
        }
    }

    private void EnsureRunning()
    {
        if (_status != PartitionStatus.Running)
        {
            throw new GrainUnavailableException($"Partition {Partition} is {_status.ToString().ToLowerInvariant()} on this silo.");
        }
    }

    /// <summary>Read by every statistics poll (metrics, /v1/cluster), so it counts without grouping or copying.</summary>
    private Dictionary<string, int> CountActivationsByType()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (grainId, _) in _activations)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, grainId.Type, out _)++;
        }

        return counts;
    }
}
