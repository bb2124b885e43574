using System.Runtime.InteropServices;
using Runtime.Log;
using Runtime.Processing;

namespace Runtime.Activation;

/// <summary>
/// Grouping a batch by grain. The collections are reused from batch to batch (only the processor's
/// loop touches them), so a batch allocates nothing of its own.
/// </summary>
internal sealed partial class PartitionProcessor
{
    private readonly Dictionary<string, int> _keyIndex = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly List<PendingEvent> _routed = [];
    private int[] _keyStarts = [0];
    private int[] _keyFill = [];
    private PendingEvent[] _grouped = [];
    private GrainActivation[] _activated = [];

    /// <summary>
    /// Advances the positions over <paramref name="batch"/> and routes its records; the events for
    /// local grains end up in <see cref="_grouped"/>, grain by grain in order of first appearance,
    /// each grain's events in arrival order, grain k's from <c>_keyStarts[k]</c> to <c>_keyStarts[k + 1]</c>.
    /// </summary>
    private void GroupByGrain(List<LogRecord> batch, IEventStreamBinding? binding)
    {
        // Positions are written per run of one topic, not per record: same result, fewer hash lookups.
        string? topic = null;
        long next = 0;
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
                if (binding is null || !Route(record, binding, out var grainKey, out var @event, out var source))
                {
                    continue;
                }

                ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(_keyIndex, grainKey, out var known);
                if (!known)
                {
                    key = _keys.Count;
                    _keys.Add(grainKey);
                }

                _routed.Add(new PendingEvent(key, @event, source));
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
        var keys = _keys.Count;
        EnsureLength(ref _keyStarts, keys + 1);
        EnsureLength(ref _keyFill, keys);
        EnsureLength(ref _grouped, _routed.Count);
        var fill = _keyFill.AsSpan(0, keys);
        fill.Clear();
        foreach (var pending in CollectionsMarshal.AsSpan(_routed))
        {
            fill[pending.Key]++;
        }

        var start = 0;
        for (var key = 0; key < keys; key++)
        {
            var count = fill[key];
            _keyStarts[key] = fill[key] = start;
            start += count;
        }

        _keyStarts[keys] = start;
        foreach (var pending in CollectionsMarshal.AsSpan(_routed))
        {
            _grouped[fill[pending.Key]++] = pending;
        }
    }

    /// <summary>Drops every reference the batch left behind, so its events can be collected young.</summary>
    private void ClearGroups()
    {
        Array.Clear(_grouped, 0, _routed.Count);
        Array.Clear(_activated, 0, Math.Min(_activated.Length, _keys.Count));
        _routed.Clear();
        _keys.Clear();
        _keyIndex.Clear();
    }

    private static void EnsureLength<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }
    }

    /// <summary>An event for a local grain: the index of its grain key in the batch, the event and the record it came from.</summary>
    private readonly record struct PendingEvent(int Key, object Event, LogRecord Source);
}
