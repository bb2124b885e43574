using System.Diagnostics;
using System.Globalization;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>
/// One silo's end-to-end rate (consume, decode, validate, grain update, checkpoint) against raw
/// Confluent.Kafka consumption of the same records, measured in the same run on the same machine: the
/// runtime alone, with grains that only count, and the product's silo, with its user grains.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(int events, int users, int rounds, IReadOnlyList<SiloKind> kinds)
    {
        var services = RealServices.Instance;
        Console.WriteLine($"{rounds} rounds of {events:N0} events for {users:N0} users; silos: {string.Join(", ", kinds.Select(SiloReport.Label))}");
        BrokerLoad.Report(services);

        // Each silo run has its own topic, because a silo's cluster names its topics and its state.
        var clusters = Enumerable.Range(0, rounds)
            .Select(_ => kinds.ToDictionary(kind => kind, _ => RealServices.UniqueName("bench")))
            .ToList();
        var produce = Stopwatch.StartNew();
        foreach (var cluster in clusters.SelectMany(round => round.Values))
        {
            RawKafka.Produce(services, $"{cluster}.events", events, users);
        }

        Console.WriteLine($"produced {rounds * kinds.Count} topics in {produce.Elapsed.TotalSeconds:F2} s");

        // Warmed up after producing: with 5 million events produced in this process between the
        // warm-up and the first round, that round often used up to a quarter more CPU per event than
        // the next ones (it still is the slowest now and then, by less). A fresh silo in a warmed
        // process still tiers up code its first run touched too rarely; further runs on new
        // throw-away clusters get it there (measured: the silo's CPU per event fell by a fifth once
        // fewer than 100 methods were compiled while it ran, and the rounds after a warm-up that went
        // on to fewer than 30 differed less from one another).
        foreach (var kind in kinds)
        {
            for (var round = 1; round <= 10; round++)
            {
                var warmUp = await WarmUpAsync(services, Math.Min(events, 300_000), users, kind);
                Console.WriteLine($"warm-up {round} of the {SiloReport.Label(kind)}: JIT {warmUp.Used.JitMethods:N0} methods while the silo ran");
                if (warmUp.Used.JitMethods < 30)
                {
                    break;
                }
            }
        }

        await WaitForJitToSettleAsync();
        MachineQuiet.FlushPageCache();

        // The raw consumer and the silos alternate, so a change in the machine's speed during the run
        // (it shares two cores with the broker and PostgreSQL) falls on every side alike.
        using var jitLog = JitLog.StartIfRequested();
        using var allocationLog = AllocationLog.StartIfRequested();
        using var gcLog = GcLog.StartIfRequested();
        var raws = new List<TimeSpan>();
        var silos = kinds.ToDictionary(kind => kind, _ => new List<TimeSpan>());
        foreach (var (round, index) in clusters.Select((round, index) => (round, index)))
        {
            var vacuum = await PostgresVacuum.RunAsync(services);
            Console.WriteLine($"vacuum of the earlier phases' rows: {vacuum.TotalMilliseconds:N0} ms");
            await MachineQuiet.WaitAsync();
            // The silos take turns going first, so whatever one leaves behind (dead rows, WAL, a
            // PostgreSQL checkpoint) does not always fall on the other.
            var order = index % 2 == 0 ? kinds : [.. kinds.Reverse()];
            var (raw, rawCpu) = RawKafka.Consume(services, $"{round[order[0]]}.events", events);
            raws.Add(raw);
            Console.WriteLine($"{"raw Confluent.Kafka consumer",-30}: {SiloReport.Rate(events, raw),9} events/s ({raw.TotalSeconds:F2} s), {SiloReport.PerEvent(rawCpu, events)} CPU/event");
            foreach (var kind in order)
            {
                // The round's vacuum came just before the raw consumer, which writes no rows.
                if (kind != order[0])
                {
                    await PostgresVacuum.RunAsync(services);
                }

                await MachineQuiet.WaitAsync();
                allocationLog?.Record(true);
                gcLog?.Record(true);
                var postgresBefore = PostgresCpu.Read();
                var run = await MeasureSiloAsync(round[kind], services, events, kind, jitLog);
                var postgres = PostgresCpu.Read() - postgresBefore;
                jitLog?.Record(false);
                jitLog?.Print();
                allocationLog?.Record(false);
                allocationLog?.Print(events);
                gcLog?.Record(false);
                gcLog?.Print();
                SiloReport.Print(kind, run, raw, postgres, events);
                silos[kind].Add(run.Elapsed);
            }
        }

        var rawMedian = Median(raws);
        Console.WriteLine($"median raw {SiloReport.Rate(events, rawMedian)} events/s");
        foreach (var kind in kinds)
        {
            var siloMedian = Median(silos[kind]);
            var perRound = string.Join(", ", raws.Zip(silos[kind], (raw, silo) => (raw / silo).ToString("P0", CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{SiloReport.Label(kind)}: median {SiloReport.Rate(events, siloMedian)} events/s, ratio {rawMedian / siloMedian:P0} of the raw rate (medians of {rounds} alternating rounds; rounds {perRound})"));
        }

        await ClusterRows.DeleteAsync(services, [.. clusters.SelectMany(round => round.Values)]);
        return 0;
    }

    private static async Task<PipelineRun> MeasureSiloAsync(string cluster, RealServices services, int events, SiloKind kind, JitLog? jitLog = null)
    {
        // The silo starts on the filled topic, like the raw consumer, and is timed from its first applied event.
        await using var silo = await BenchSilo.StartAsync(cluster, services, kind);
        jitLog?.Record(true);
        return await silo.MeasureAsync(events);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// Runs the whole pipeline once on a throw-away cluster, so the measured silo runs compiled,
    /// tier-1 code like a long-running silo does. A 10-second run of a cold process otherwise spends
    /// about 30 % of its CPU in the JIT (measured with perf).
    /// </summary>
    private static async Task<PipelineRun> WarmUpAsync(RealServices services, int events, int users, SiloKind kind)
    {
        var cluster = RealServices.UniqueName("warmup");
        RawKafka.Produce(services, $"{cluster}.events", events, users);
        RawKafka.Consume(services, $"{cluster}.events", events);
        try
        {
            return await MeasureSiloAsync(cluster, services, events, kind);
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
}
