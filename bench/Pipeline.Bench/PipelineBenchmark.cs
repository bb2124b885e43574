using System.Diagnostics;
using System.Globalization;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>
/// One silo's end-to-end rate (consume, decode, validate, grain update, checkpoint) against raw
/// Confluent.Kafka consumption of the same topic, measured in the same run on the same machine.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(int events, int users, int rounds)
    {
        var services = RealServices.Instance;
        Console.WriteLine($"{rounds} rounds of {events:N0} events for {users:N0} users");
        BrokerLoad.Report(services);

        // Each round has its own topic, because a silo's cluster names its topics and its state.
        var clusters = Enumerable.Range(0, rounds).Select(_ => RealServices.UniqueName("bench")).ToList();
        var produce = Stopwatch.StartNew();
        foreach (var cluster in clusters)
        {
            RawKafka.Produce(services, $"{cluster}.events", events, users);
        }

        Console.WriteLine($"produced {rounds} topics in {produce.Elapsed.TotalSeconds:F2} s");

        // Warmed up after producing: with 5 million events produced in this process between the
        // warm-up and the first round, that round often used up to a quarter more CPU per event than
        // the next ones (it still is the slowest now and then, by less). A fresh silo in a warmed
        // process still tiers up code its first run touched too rarely; further runs on new
        // throw-away clusters get it there (measured: the silo's CPU per event fell by a fifth once
        // fewer than 100 methods were compiled while it ran, and the rounds after a warm-up that went
        // on to fewer than 30 differed less from one another).
        for (var round = 1; round <= 10; round++)
        {
            var warmUp = await WarmUpAsync(services, Math.Min(events, 300_000), users);
            Console.WriteLine($"warm-up round {round}: JIT {warmUp.Used.JitMethods:N0} methods while the silo ran");
            if (warmUp.Used.JitMethods < 30)
            {
                break;
            }
        }

        await WaitForJitToSettleAsync();
        MachineQuiet.FlushPageCache();

        // The raw consumer and the silo alternate, so a change in the machine's speed during the run
        // (it shares two cores with the broker and PostgreSQL) falls on both sides alike.
        using var jitLog = JitLog.StartIfRequested();
        using var allocationLog = AllocationLog.StartIfRequested();
        using var gcLog = GcLog.StartIfRequested();
        var results = new List<(TimeSpan Raw, TimeSpan Silo)>();
        foreach (var cluster in clusters)
        {
            var vacuum = await PostgresVacuum.RunAsync(services);
            Console.WriteLine($"vacuum of the earlier phases' rows: {vacuum.TotalMilliseconds:N0} ms");
            await MachineQuiet.WaitAsync();
            var (raw, rawCpu) = RawKafka.Consume(services, $"{cluster}.events", events);
            Console.WriteLine($"raw Confluent.Kafka consumer  : {Rate(events, raw),9} events/s ({raw.TotalSeconds:F2} s), {PerEvent(rawCpu, events)} CPU/event");
            await MachineQuiet.WaitAsync();
            allocationLog?.Record(true);
            gcLog?.Record(true);
            var postgresBefore = PostgresCpu.Read();
            var run = await MeasureSiloAsync(cluster, services, events, jitLog);
            var postgres = PostgresCpu.Read() - postgresBefore;
            jitLog?.Record(false);
            jitLog?.Print();
            allocationLog?.Record(false);
            allocationLog?.Print(events);
            gcLog?.Record(false);
            gcLog?.Print();
            Console.WriteLine($"silo pipeline (to checkpoint) : {Rate(events, run.Elapsed),9} events/s ({run.Elapsed.TotalSeconds:F2} s), {PerEvent(run.Used.Cpu, events)} CPU/event; "
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
            results.Add((raw, run.Elapsed));
        }

        var rawMedian = Median(results.Select(r => r.Raw));
        var siloMedian = Median(results.Select(r => r.Silo));
        Console.WriteLine($"median raw {Rate(events, rawMedian)} events/s, median silo {Rate(events, siloMedian)} events/s");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: {rawMedian / siloMedian:P0} of the raw rate (medians of {rounds} alternating rounds; rounds {string.Join(", ", results.Select(r => (r.Raw / r.Silo).ToString("P0", CultureInfo.InvariantCulture)))})"));
        await ClusterRows.DeleteAsync(services, clusters);
        return 0;
    }

    private static async Task<PipelineRun> MeasureSiloAsync(string cluster, RealServices services, int events, JitLog? jitLog = null)
    {
        // The silo starts on the filled topic, like the raw consumer, and is timed from its first applied event.
        await using var silo = await BenchSilo.StartAsync(cluster, services);
        jitLog?.Record(true);
        return await silo.MeasureAsync(events);
    }

    private static string Percentile(IReadOnlyList<TimeSpan> sorted, double quantile) =>
        sorted.Count == 0 ? "-" : sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Count) - 1)].TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Rate(int events, TimeSpan elapsed) => (events / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs the whole pipeline once on a throw-away cluster, so the measured silo runs compiled,
    /// tier-1 code like a long-running silo does. A 10-second run of a cold process otherwise spends
    /// about 30 % of its CPU in the JIT (measured with perf).
    /// </summary>
    private static async Task<PipelineRun> WarmUpAsync(RealServices services, int events, int users)
    {
        var cluster = RealServices.UniqueName("warmup");
        RawKafka.Produce(services, $"{cluster}.events", events, users);
        RawKafka.Consume(services, $"{cluster}.events", events);
        try
        {
            return await MeasureSiloAsync(cluster, services, events);
        }
        finally
        {
            await ClusterRows.DeleteAsync(services, [cluster]);
        }
    }

    /// <summary>
    /// Waits until the tiered JIT has worked off what the warm-up queued: promotions to tier 1 are
    /// compiled one at a time on a background thread, and on a loaded machine that backlog took
    /// seconds, which otherwise ran inside the measured window.
    /// </summary>
    private static async Task WaitForJitToSettleAsync()
    {
        var waited = Stopwatch.StartNew();
        var before = System.Runtime.JitInfo.GetCompiledMethodCount();
        var count = before;
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            var settled = now - count < 10;
            count = now;
            if (settled)
            {
                break;
            }
        }

        Console.WriteLine($"JIT settled after {waited.Elapsed.TotalSeconds:F0} s ({count - before:N0} more methods)");
    }

    private static string PerEvent(TimeSpan cpu, int events) =>
        string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalMicroseconds / events:F1} µs");
}
