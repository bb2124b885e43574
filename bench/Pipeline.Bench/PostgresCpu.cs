namespace Pipeline.Bench;

/// <summary>
/// The CPU time PostgreSQL's processes on this machine have used, from /proc: each live process's
/// own time, plus the postmaster's reaped children, so backends that exited during a run still count.
/// Zero where /proc is missing.
/// </summary>
internal static class PostgresCpu
{
    // /proc reports in clock ticks, which are 100 per second on Linux (USER_HZ).
    private const double TicksPerSecond = 100;

    public static TimeSpan Read()
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

                // Fields after the parenthesised command: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            }
            catch (IOException)
            {
                // The process exited while it was read; its parent counts it from now on.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process under a restrictive /proc (hidepid): not ours to count.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
