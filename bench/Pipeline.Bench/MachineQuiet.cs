using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Bench;

/// <summary>
/// Waits for the machine to go quiet before a measured phase. The broker, PostgreSQL and the
/// benchmark share two cores, and work left over from the previous phase (page-cache writeback of
/// freshly produced segments, autovacuum after a silo run, a PostgreSQL checkpoint) otherwise lands
/// inside whichever side happens to run next.
/// </summary>
internal static class MachineQuiet
{
    private const double IdleShare = 0.85;
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Writes dirty pages out, so the writeback of what was just produced is not measured.</summary>
    public static void FlushPageCache()
    {
        if (OperatingSystem.IsLinux())
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
    }

    /// <summary>Returns once a sample interval was at least 85 % idle, or after 20 s (and says so).</summary>
    public static async Task WaitAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var waited = Stopwatch.StartNew();
        var (busy, total) = ReadCpu();
        while (waited.Elapsed < Limit)
        {
            await Task.Delay(Sample);
            var (nowBusy, nowTotal) = ReadCpu();
            var idle = 1 - ((double)(nowBusy - busy) / Math.Max(1, nowTotal - total));
            (busy, total) = (nowBusy, nowTotal);
            if (idle >= IdleShare)
            {
                return;
            }
        }

        Console.WriteLine($"  (the machine did not go quiet within {Limit.TotalSeconds:F0} s; measuring anyway)");
    }

    /// <summary>Busy and total jiffies of all CPUs, from the first line of /proc/stat (iowait counts as idle).</summary>
    private static (long Busy, long Total) ReadCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
