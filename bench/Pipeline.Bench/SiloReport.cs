using System.Globalization;

namespace Pipeline.Bench;

/// <summary>What the benchmark prints for one measured silo run.</summary>
internal static class SiloReport
{
    public static void Print(SiloKind kind, PipelineRun run, TimeSpan raw, TimeSpan postgres, int events)
    {
        Console.WriteLine($"{Label(kind),-30}: {Rate(events, run.Elapsed),9} events/s ({run.Elapsed.TotalSeconds:F2} s), {PerEvent(run.Used.Cpu, events)} CPU/event; "
            + $"all applied after {run.Applied.TotalSeconds:F2} s ({Rate(events, run.Applied)} events/s), covered {(run.Elapsed - run.Applied).TotalMilliseconds:N0} ms later");
        Console.WriteLine($"  while the silo ran: JIT {run.Used.JitMethods:N0} methods, {run.Used.Collections:N0} GCs pausing {run.Used.GcPause.TotalMilliseconds:N0} ms, {run.Used.Allocated / events:N0} B allocated per event; "
            + string.Create(CultureInfo.InvariantCulture, $"this round's ratio {raw / run.Elapsed:P0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {run.CommitDurations.Count:N0} partition commits wrote {run.GrainsWritten:N0} grain rows: {(double)events / Math.Max(1, run.GrainsWritten):F1} events per row written; "
            + $"commits took {Percentile(run.CommitDurations, 0.5)} ms (median), {Percentile(run.CommitDurations, 0.9)} ms (p90), {Percentile(run.CommitDurations, 1)} ms (max)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PostgreSQL used {postgres.TotalSeconds:F2} s of CPU from the silo's start to its stop: {PerEvent(postgres, events)} per event, {postgres.TotalMilliseconds * 1000 / Math.Max(1, run.GrainsWritten):F0} µs per grain row written"));
        Console.WriteLine($"  the consumer waited {run.ConsumerBlocked.TotalMilliseconds:N0} ms for room in full partition queues (no partition received records meanwhile)");
        Console.WriteLine($"  thousands of events applied per quarter second: {string.Join(' ', run.AppliedPerQuarterSecond.Select(count => (count / 1000).ToString(CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  process CPU (cores) per quarter second:         {string.Join(' ', run.CoresPerQuarterSecond.Select(cores => cores.ToString("F1", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  GC pause (ms) per quarter second:               {string.Join(' ', run.GcPauseMsPerQuarterSecond.Select(ms => ms.ToString("F0", CultureInfo.InvariantCulture)))}");
    }

    public static string Label(SiloKind kind) => kind == SiloKind.Counter ? "runtime alone (counter grains)" : "product silo (user grains)";

    public static string Rate(int events, TimeSpan elapsed) => (events / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    public static string PerEvent(TimeSpan cpu, int events) =>
        string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalMicroseconds / events:F1} µs");

    private static string Percentile(IReadOnlyList<TimeSpan> sorted, double quantile) =>
        sorted.Count == 0 ? "-" : sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Count) - 1)].TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);
}
