namespace Runtime.Diagnostics;

/// <summary>
/// An owned copy of a measurement's tags, used as a dictionary key. Equality ignores tag order
/// because callers are free to pass the same tags in any order.
/// </summary>
internal sealed class TagSet
{
    public TagSet(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Tags = tags.ToArray();
        Hash = ComputeHash(tags);
    }

    public KeyValuePair<string, object?>[] Tags { get; }

    public int Hash { get; }

    public static int ComputeHash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Addition is commutative, which makes the hash independent of tag order.
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            hash += HashCode.Combine(tag.Key, tag.Value);
        }

        return hash;
    }

    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != Tags.Length)
        {
            return false;
        }

        // Fast path: instrumented code nearly always passes its tags in the same order.
        var sameOrder = true;
        for (var i = 0; i < tags.Length && sameOrder; i++)
        {
            sameOrder = TagEquals(tags[i], Tags[i]);
        }

        if (sameOrder)
        {
            return true;
        }

        // Checking containment both ways keeps duplicated keys from matching a different set.
        return ContainsAll(Tags, tags) && ContainsAll(tags, Tags);
    }

    private static bool ContainsAll(
        ReadOnlySpan<KeyValuePair<string, object?>> container,
        ReadOnlySpan<KeyValuePair<string, object?>> items)
    {
        foreach (var item in items)
        {
            var found = false;
            foreach (var candidate in container)
            {
                if (TagEquals(item, candidate))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TagEquals(KeyValuePair<string, object?> left, KeyValuePair<string, object?> right) =>
        string.Equals(left.Key, right.Key, StringComparison.Ordinal) && Equals(left.Value, right.Value);
}
