namespace Experimentation.Features;

/// <summary>Distinct item ids, newest first, at most <c>capacity</c> of them.</summary>
internal sealed class RecentItemList(int capacity)
{
    private readonly List<(string ItemId, long TimeMs, string? SessionId)> _items = [];

    public int Count => _items.Count;

    /// <summary>Records a sighting; an item already seen later keeps its later sighting.</summary>
    public void Add(string itemId, long timeMs, string? sessionId)
    {
        var existing = IndexOf(itemId);
        if (existing >= 0)
        {
            if (_items[existing].TimeMs >= timeMs)
            {
                return;
            }

            _items.RemoveAt(existing);
        }

        var position = 0;
        while (position < _items.Count && _items[position].TimeMs > timeMs)
        {
            position++;
        }

        if (position >= capacity)
        {
            return;
        }

        _items.Insert(position, (itemId, timeMs, sessionId));
        if (_items.Count > capacity)
        {
            _items.RemoveAt(_items.Count - 1);
        }
    }

    public RecentItem[] ToArray() =>
        [.. _items.Select(i => new RecentItem(i.ItemId, DateTimeOffset.FromUnixTimeMilliseconds(i.TimeMs), i.SessionId))];

    public IReadOnlyList<(string ItemId, long TimeMs, string? SessionId)> Entries => _items;

    private int IndexOf(string itemId)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].ItemId == itemId)
            {
                return i;
            }
        }

        return -1;
    }
}
