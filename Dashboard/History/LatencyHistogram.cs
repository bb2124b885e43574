namespace Dashboard.History;

/// <summary>
/// A lock-free histogram of durations on logarithmic buckets (each 10 % wider than the last, from
/// 1 µs), so any percentile is read within 5 % of its true value whatever the scale. Counts only
/// grow; a reader takes the difference of two snapshots to get one interval's distribution, which
/// loses no measurement that lands between them.
/// </summary>
internal sealed class LatencyHistogram
{
    public const double Growth = 1.1;
    public const double Smallest = 1e-6;
    public const int BucketCount = 320;

    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _counts = new long[BucketCount];

    public void Record(double seconds)
    {
        Interlocked.Increment(ref _counts[BucketOf(seconds)]);
    }

    public long[] Snapshot()
    {
        var copy = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            copy[i] = Interlocked.Read(ref _counts[i]);
        }

        return copy;
    }

    public static int BucketOf(double seconds)
    {
        if (!(seconds > Smallest))
        {
            return 0;
        }

        var index = (int)Math.Ceiling(Math.Log(seconds / Smallest) / LogGrowth);
        return Math.Clamp(index, 0, BucketCount - 1);
    }

    /// <summary>
    /// The <paramref name="quantile"/> of the measurements counted between two snapshots, as the
    /// geometric middle of its bucket; null when there were none.
    /// </summary>
    public static double? Quantile(long[] before, long[] after, double quantile)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        long total = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            total += after[i] - before[i];
        }

        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += after[i] - before[i];
            if (seen >= rank)
            {
                return i == 0 ? Smallest : Smallest * Math.Pow(Growth, i - 0.5);
            }
        }

        return Smallest * Math.Pow(Growth, BucketCount - 1);
    }
}
