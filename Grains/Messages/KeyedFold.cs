namespace Grains.Messages;

/// <summary>
/// Folds keyed items into a message's list in place. The outbox calls a message's combine function
/// once per message sent, so each fold must cost what the new items cost, not what the list holds:
/// where each key sits is kept in an index, built on the first fold and never persisted.
/// </summary>
internal static class KeyedFold
{
    /// <summary>Merges each of <paramref name="next"/> into the item of the same key in <paramref name="items"/>, or appends it.</summary>
    public static void Into<TItem, TKey>(List<TItem> items, ref Dictionary<TKey, int>? index, List<TItem> next, Func<TItem, TKey> key, Func<TItem, TItem, TItem> merge)
        where TKey : notnull
    {
        if (index is null)
        {
            index = new Dictionary<TKey, int>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                index.TryAdd(key(items[i]), i);
            }
        }

        foreach (var item in next)
        {
            var itemKey = key(item);
            if (index.TryGetValue(itemKey, out var at))
            {
                items[at] = merge(items[at], item);
            }
            else
            {
                index[itemKey] = items.Count;
                items.Add(item);
            }
        }
    }
}
