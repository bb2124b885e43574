namespace Grains.Interfaces.Experiments;

/// <summary>
/// An experiment's bucket range [<see cref="Start"/>, <see cref="End"/>) within the 10,000 buckets of layer
/// <see cref="Name"/>. Running experiments of one layer must not overlap, so a user is in at most one of them.
/// </summary>
public sealed record LayerAllocation
{
    public const int BucketCount = 10_000;

    public string Name { get; set; } = "";

    /// <summary>First bucket (inclusive), 0 or more.</summary>
    public int Start { get; set; }

    /// <summary>End bucket (exclusive), at most <see cref="BucketCount"/>.</summary>
    public int End { get; set; } = BucketCount;

    public bool Overlaps(LayerAllocation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Name, other.Name, StringComparison.Ordinal) && Start < other.End && other.Start < End;
    }
}
