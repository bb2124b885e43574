using System.Diagnostics;
using System.Globalization;

namespace Storage.Bench;

/// <summary>
/// CPU used by this process and by PostgreSQL's processes (from /proc, including reaped children),
/// so a run can report where each write's cost went. PostgreSQL reads zero where /proc is missing.
/// </summary>
internal static class CpuMeter
{
    // /proc/[pid]/stat counts in USER_HZ ticks, 100 per second on Linux.
    private const double TicksPerSecond = 100;

    public static (TimeSpan Process, TimeSpan Postgres) Read()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, Postgres());
    }

    private static TimeSpan Postgres()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(directory), out _) || File.ReadAllText(Path.Combine(directory, "comm")).Trim() != "postgres")
                {
                    continue;
                }

                // After the parenthesised name: utime, stime, cutime, cstime are fields 14-17 of the line.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += fields.Skip(11).Take(4).Sum(field => long.Parse(field, CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // Exited while being read: its parent's children totals count it from now on.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process under hidepid: not ours to count.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
