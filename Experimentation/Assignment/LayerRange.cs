namespace Experimentation.Assignment;

/// <summary>
/// An experiment's slice [<see cref="Start"/>, <see cref="End"/>) of a layer's buckets. Every experiment of a
/// layer sees the same bucket for a user (the layer hash ignores the experiment), so experiments with
/// disjoint ranges never share a user.
/// </summary>
public readonly record struct LayerRange
{
    public LayerRange(string name, int start, int end)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, BucketHasher.BucketCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        Name = name;
        Start = start;
        End = end;
    }

    public string Name { get; }

    /// <summary>First bucket of the range (inclusive).</summary>
    public int Start { get; }

    /// <summary>End of the range (exclusive), at most <see cref="BucketHasher.BucketCount"/>.</summary>
    public int End { get; }

    public bool Contains(int bucket) => bucket >= Start && bucket < End;

    public bool Overlaps(LayerRange other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal) && Start < other.End && other.Start < End;
}
