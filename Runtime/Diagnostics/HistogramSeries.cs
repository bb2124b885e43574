namespace Runtime.Diagnostics;

/// <summary>Per-bucket counts and the sum of one histogram tag set.</summary>
/// <remarks>
/// Buckets hold non-cumulative counts so a measurement touches exactly one slot; the scrape
/// accumulates them and derives the total count from the buckets, so <c>_count</c> always equals
/// the <c>+Inf</c> bucket even while measurements race with the scrape.
/// </remarks>
internal sealed class HistogramSeries : MetricSeries
{
    private readonly double[] _bounds;
    private readonly long[] _bucketCounts;
    private double _sum;

    public HistogramSeries(string labels, double[] bounds)
        : base(labels)
    {
        _bounds = bounds;
        _bucketCounts = new long[bounds.Length + 1];
    }

    public double Sum => Volatile.Read(ref _sum);

    public void Record(double value)
    {
        // Bounds are upper-inclusive ("le"); an exact hit belongs to that bucket, which is what
        // BinarySearch returns, and a miss's complement is the next larger bound (or +Inf).
        var index = Array.BinarySearch(_bounds, value);
        if (index < 0)
        {
            index = ~index;
        }

        Interlocked.Increment(ref _bucketCounts[index]);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>Copies the cumulative bucket counts; the last element is the total count.</summary>
    public long[] CumulativeCounts()
    {
        var cumulative = new long[_bucketCounts.Length];
        long running = 0;
        for (var i = 0; i < _bucketCounts.Length; i++)
        {
            running += Interlocked.Read(ref _bucketCounts[i]);
            cumulative[i] = running;
        }

        return cumulative;
    }
}
