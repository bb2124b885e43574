namespace Dashboard.History;

/// <summary>A fixed-capacity, thread-safe ring: adding beyond the capacity drops the oldest item.</summary>
internal sealed class SampleRing<T>
{
    private readonly T[] _items;
    private readonly Lock _lock = new();
    private int _start;
    private int _count;

    public SampleRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public void Add(T item)
    {
        lock (_lock)
        {
            _items[(_start + _count) % _items.Length] = item;
            if (_count < _items.Length)
            {
                _count++;
            }
            else
            {
                _start = (_start + 1) % _items.Length;
            }
        }
    }

    /// <summary>The items that satisfy <paramref name="predicate"/>, oldest first.</summary>
    public List<T> Where(Func<T, bool> predicate)
    {
        lock (_lock)
        {
            var result = new List<T>(_count);
            for (var i = 0; i < _count; i++)
            {
                var item = _items[(_start + i) % _items.Length];
                if (predicate(item))
                {
                    result.Add(item);
                }
            }

            return result;
        }
    }

    /// <summary>The newest item, or default when the ring is empty.</summary>
    public T? Last()
    {
        lock (_lock)
        {
            return _count == 0 ? default : _items[(_start + _count - 1) % _items.Length];
        }
    }
}
