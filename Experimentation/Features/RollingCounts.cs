namespace Experimentation.Features;

/// <summary>
/// Per-type counters in the four <see cref="RollingWindows"/> rings. All types share one head (the
/// newest event time), so a type is one int array and expiry is lazy: slots are cleared only when the
/// head moves past them, and reads ignore what the head has left behind.
/// </summary>
internal sealed class RollingCounts(int maxTypes)
{
    public const string OtherType = "other";

    private readonly List<string> _types = [];
    private readonly List<int[]> _rows = [];
    private long _headMs = long.MinValue;

    // The head's bucket and ring slot in each window, kept with the head: every event used to divide
    // its time and the head's by each window's width, 36 64-bit divisions per event. Nearly every event
    // is the newest so far, and lands in the head's own buckets.
    private PerWindow<long> _headBuckets;
    private PerWindow<int> _headSlots;

    public void Add(string type, long timeMs)
    {
        if (timeMs > _headMs)
        {
            MoveHead(timeMs);
        }

        var row = RowFor(type);
        var atHead = timeMs == _headMs;
        for (var window = 0; window < RollingWindows.Count; window++)
        {
            if (atHead)
            {
                row[RollingWindows.Offset(window) + _headSlots[window]]++;
                continue;
            }

            var length = RollingWindows.Length(window);
            var bucket = RollingWindows.Bucket(window, timeMs);
            if (BucketRing.Holds(length, _headBuckets[window], bucket))
            {
                row[RollingWindows.Offset(window) + BucketRing.Slot(bucket, length)]++;
            }
        }
    }

    /// <summary>Non-zero counts at <paramref name="nowMs"/>, ordered by type.</summary>
    public IReadOnlyDictionary<string, WindowCounts> At(long nowMs)
    {
        var result = new SortedDictionary<string, WindowCounts>(StringComparer.Ordinal);
        for (var i = 0; i < _rows.Count; i++)
        {
            var counts = new WindowCounts(Sum(_rows[i], 0, nowMs), Sum(_rows[i], 1, nowMs), Sum(_rows[i], 2, nowMs), Sum(_rows[i], 3, nowMs));
            if (counts != default)
            {
                result.Add(_types[i], counts);
            }
        }

        return result;
    }

    /// <summary>Types and their non-zero slots as (type index × slots per type + slot, count) pairs.</summary>
    public (string[] Types, int[] Slots) Export()
    {
        // Every checkpoint of an active user exports: sized exactly, rather than grown and then copied.
        var used = 0;
        foreach (var row in _rows)
        {
            used += RollingWindows.SlotsPerType - row.AsSpan().Count(0);
        }

        var slots = new int[used * 2];
        var next = 0;
        for (var i = 0; i < _rows.Count; i++)
        {
            for (var slot = 0; slot < RollingWindows.SlotsPerType; slot++)
            {
                if (_rows[i][slot] != 0)
                {
                    slots[next++] = (i * RollingWindows.SlotsPerType) + slot;
                    slots[next++] = _rows[i][slot];
                }
            }
        }

        return ([.. _types], slots);
    }

    public static RollingCounts Import(int maxTypes, string[] types, int[] slots, long headMs)
    {
        if (slots.Length % 2 != 0)
        {
            throw new ArgumentException($"counts has {slots.Length} numbers: it must hold (slot, count) pairs.", nameof(slots));
        }

        var counts = new RollingCounts(maxTypes);
        if (headMs != long.MinValue)
        {
            counts.SetHead(headMs);
        }

        foreach (var type in types)
        {
            counts._types.Add(type);
            counts._rows.Add(new int[RollingWindows.SlotsPerType]);
        }

        for (var i = 0; i < slots.Length; i += 2)
        {
            var (row, slot) = Math.DivRem(slots[i], RollingWindows.SlotsPerType);
            if (slots[i] < 0 || row >= types.Length)
            {
                throw new ArgumentException($"counts[{i}] is {slots[i]}: it must address one of the {types.Length} types' slots.", nameof(slots));
            }

            counts._rows[row][slot] = slots[i + 1];
        }

        return counts;
    }

    private int Sum(int[] row, int window, long nowMs) => BucketRing.Sum(
        row.AsSpan(RollingWindows.Offset(window), RollingWindows.Length(window)),
        RollingWindows.Bucket(window, _headMs),
        RollingWindows.Bucket(window, nowMs));

    private void MoveHead(long timeMs)
    {
        if (_headMs == long.MinValue)
        {
            SetHead(timeMs);
            return;
        }

        var dayMoved = false;
        for (var window = 0; window < RollingWindows.Count; window++)
        {
            var oldHead = _headBuckets[window];
            var newHead = RollingWindows.Bucket(window, timeMs);
            if (newHead == oldHead)
            {
                continue;
            }

            dayMoved = window == RollingWindows.Count - 1;
            foreach (var row in _rows)
            {
                BucketRing.Advance(row.AsSpan(RollingWindows.Offset(window), RollingWindows.Length(window)), oldHead, newHead);
            }
        }

        SetHead(timeMs);
        if (dayMoved)
        {
            RemoveEmptyTypes();
        }
    }

    private void SetHead(long timeMs)
    {
        _headMs = timeMs;
        for (var window = 0; window < RollingWindows.Count; window++)
        {
            _headBuckets[window] = RollingWindows.Bucket(window, timeMs);
            _headSlots[window] = BucketRing.Slot(_headBuckets[window], RollingWindows.Length(window));
        }
    }

    // Every counted event is also in the 24 h ring, which expires last, so a type whose 24 h ring
    // is empty has nothing left anywhere and gives its slot back.
    private void RemoveEmptyTypes()
    {
        for (var i = _rows.Count - 1; i >= 0; i--)
        {
            if (!_rows[i].AsSpan(RollingWindows.Offset(RollingWindows.Count - 1), RollingWindows.Length(RollingWindows.Count - 1)).ContainsAnyExcept(0))
            {
                _rows.RemoveAt(i);
                _types.RemoveAt(i);
            }
        }
    }

    private int[] RowFor(string type)
    {
        var index = _types.IndexOf(type);
        if (index < 0 && _types.Count >= maxTypes - 1 && type != OtherType)
        {
            type = OtherType;
            index = _types.IndexOf(type);
        }

        if (index >= 0)
        {
            return _rows[index];
        }

        _types.Add(type);
        _rows.Add(new int[RollingWindows.SlotsPerType]);
        return _rows[^1];
    }
}
