namespace Experimentation.Features;

/// <summary>
/// The four count windows and their bucket widths. A window of length W with buckets of width B is a
/// ring of W/B + 1 buckets ending with the bucket that holds "now", so it always covers the whole last
/// W and at most one bucket width more: a count is exact to within one bucket (5 s for 1 min, 1 min
/// for 10 min, 5 min for 1 h, 1 h for 24 h) and never misses an event inside the window.
/// </summary>
internal static class RollingWindows
{
    public const int Count = 4;

    /// <summary>Slots one event type uses across the four rings.</summary>
    public const int SlotsPerType = 13 + 11 + 13 + 25;

    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    private static readonly long[] WidthsMs = [5_000, 60_000, 300_000, 3_600_000];
    private static readonly int[] Lengths = [13, 11, 13, 25];
    private static readonly int[] Offsets = [0, 13, 24, 37];

    public static long WidthMs(int window) => WidthsMs[window];

    public static int Length(int window) => Lengths[window];

    public static int Offset(int window) => Offsets[window];

    public static long Bucket(int window, long timeMs) => BucketRing.FloorDiv(timeMs, WidthsMs[window]);
}
