using System.Globalization;

namespace Api.Bench;

/// <summary>Garbage collections and total pause time of this process (silo, bare app and load) over one run.</summary>
internal readonly record struct GcWindow(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcWindow Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public string Since(GcWindow start) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Gen0 - start.Gen0}/{Gen1 - start.Gen1}/{Gen2 - start.Gen2}, {(Paused - start.Paused).TotalMilliseconds:0} ms{Last()}");

    private static string Last()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"; latest gen{info.Generation}: {info.PauseDurations[0].TotalMilliseconds:0} ms, {info.PromotedBytes / 1e6:0.0} MB promoted");
    }
}
