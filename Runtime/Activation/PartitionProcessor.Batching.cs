using System.Runtime.InteropServices;
using Runtime.Abstractions;
using Runtime.Log;
using Runtime.Processing;

namespace Runtime.Activation;

/// <summary>
/// Grouping a batch by grain. The collections are reused from batch to batch (only the processor's
/// loop touches them), so a batch allocates nothing of its own.
/// </summary>
internal sealed partial class PartitionProcessor
{
    private readonly Dictionary<GrainId, int> _grainIndex = [];
    private readonly List<GrainId> _grains = [];
    private readonly List<PendingEvent> _routed = [];
    private readonly List<int> _routedGrain = [];
    private readonly List<int> _typeGrains = [];
    private int[] _grainStarts = [0];
    private int[] _grainFill = [];
    private PendingEvent[] _grouped = [];
    private GrainActivation?[] _activated = [];

    /// <summary>
    /// Advances the positions over <paramref name="batch"/> and routes its records; what goes to local
    /// grains ends up in <see cref="_grouped"/>, grain by grain in order of first appearance, each
    /// grain's events in arrival order: grain g's from <c>_grainStarts[g]</c> to <c>_grainStarts[g + 1]</c>.
    /// </summary>
    private void GroupByGrain(List<LogRecord> batch, IEventStreamBinding? binding)
    {
        // Positions are written per run of one topic, not per record: same result, fewer hash lookups.
        string? topic = null;
        long next = 0;
        _appliedSinceSnapshot |= batch.Count > 0;
        try
        {
            foreach (var record in batch)
            {
                if (!string.Equals(record.Topic, topic, StringComparison.Ordinal))
                {
                    if (topic is not null)
                    {
                        _positions[topic] = next;
                    }

                    topic = record.Topic;
                }

                next = record.Offset + 1;
                if (Route(record, binding) is not { } pending)
                {
                    continue;
                }

                ref var grain = ref CollectionsMarshal.GetValueRefOrAddDefault(_grainIndex, pending.Grain, out var known);
                if (!known)
                {
                    grain = _grains.Count;
                    _grains.Add(pending.Grain);
                }

                _routed.Add(pending);
                _routedGrain.Add(grain);
            }
        }
        finally
        {
            if (topic is not null)
            {
                _positions[topic] = next;
            }
        }

        SortByGrain();
    }

    /// <summary>A stable counting sort of the routed events by grain.</summary>
    private void SortByGrain()
    {
        var grains = _grains.Count;
        EnsureLength(ref _grainStarts, grains + 1);
        EnsureLength(ref _grainFill, grains);
        EnsureLength(ref _grouped, _routed.Count);
        var fill = _grainFill.AsSpan(0, grains);
        fill.Clear();
        var owners = CollectionsMarshal.AsSpan(_routedGrain);
        foreach (var grain in owners)
        {
            fill[grain]++;
        }

        var start = 0;
        for (var grain = 0; grain < grains; grain++)
        {
            var count = fill[grain];
            _grainStarts[grain] = fill[grain] = start;
            start += count;
        }

        _grainStarts[grains] = start;
        var routed = CollectionsMarshal.AsSpan(_routed);
        for (var i = 0; i < routed.Length; i++)
        {
            _grouped[fill[owners[i]]++] = routed[i];
        }
    }

    /// <summary>
    /// Fills <see cref="_activated"/> for every grain of the batch: one storage round trip per grain
    /// type with grains to load (a batch rarely holds more than two types).
    /// </summary>
    private async Task ActivateGroupedAsync()
    {
        EnsureLength(ref _activated, _grains.Count);
        for (var first = 0; first < _grains.Count; first++)
        {
            if (_activated[first] is not null)
            {
                continue;
            }

            var type = _grains[first].Type;
            _typeGrains.Clear();
            for (var grain = first; grain < _grains.Count; grain++)
            {
                if (_activated[grain] is null && string.Equals(_grains[grain].Type, type, StringComparison.Ordinal))
                {
                    _typeGrains.Add(grain);
                }
            }

            await ActivateManyAsync(type, _typeGrains).ConfigureAwait(false);
        }
    }

    /// <summary>Drops every reference the batch left behind, so its events can be collected young.</summary>
    private void ClearGroups()
    {
        Array.Clear(_grouped, 0, _routed.Count);
        Array.Clear(_activated, 0, Math.Min(_activated.Length, _grains.Count));
        _routed.Clear();
        _routedGrain.Clear();
        _grains.Clear();
        _grainIndex.Clear();
    }

    private static void EnsureLength<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }
    }
}
