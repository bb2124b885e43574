using System.Diagnostics;
using System.Globalization;
using Experimentation.Bandits;

namespace Bandit.Bench;

/// <summary>
/// Per-decision cost for 10 arms: a draw from the precomputed policy against sampling 10 Beta
/// posteriors per decision, and the cost of recomputing the policy itself.
/// </summary>
internal static class DecisionLatencyBenchmark
{
    private const int Arms = 10;

    public static void Run(int calls)
    {
        var statistics = Enumerable.Range(0, Arms)
            .Select(arm => new ArmStatistics(20_000, 20_000 * (0.030 + arm * 0.002), 0, 0))
            .ToArray();
        var settings = new BanditSettings();
        var policy = ThompsonPolicyCalculator.Compute(statistics, settings, new Random(1));
        var sampler = policy.Sampler;
        var posteriors = statistics.Select(BetaPosterior.Create).ToArray();
        var random = new Random(2);

        Func<int> empty = () => 0;
        Func<int> precomputed = () => sampler.Choose(random).Arm;
        Func<int> direct = () => DirectThompson.Choose(posteriors, random);

        Console.WriteLine($"Stopwatch frequency {Stopwatch.Frequency:N0} Hz; {calls:N0} timed calls per path after {calls / 5:N0} warm-up calls.");
        Console.WriteLine();
        Console.WriteLine(LatencySummary.Header);
        foreach (var (path, call) in new[]
        {
            ("timer only (empty call)", empty),
            ("PolicySampler.Choose(Random), 10 arms", precomputed),
            ("sample 10 Beta posteriors + argmax", direct),
        })
        {
            Measure(call, calls / 5);
            var batchMean = BatchMean(call, calls);
            Console.WriteLine(new LatencySummary(path, Measure(call, calls)).Row(batchMean));
        }

        Console.WriteLine();
        ReportPolicyCompute(statistics, settings);
    }

    private static long[] Measure(Func<int> call, int calls)
    {
        var ticks = new long[calls];
        var sink = 0;
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sink += call();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        GC.KeepAlive(sink);
        return ticks;
    }

    private static double BatchMean(Func<int> call, int calls)
    {
        var sink = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            sink += call();
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        GC.KeepAlive(sink);
        return LatencySummary.TicksToNanoseconds((double)elapsed / calls);
    }

    private static void ReportPolicyCompute(ArmStatistics[] statistics, BanditSettings settings)
    {
        const int runs = 30;
        var random = new Random(3);
        ThompsonPolicyCalculator.Compute(statistics, settings, random);
        var milliseconds = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            var start = Stopwatch.GetTimestamp();
            ThompsonPolicyCalculator.Compute(statistics, settings, random);
            milliseconds[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(milliseconds);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ThompsonPolicyCalculator.Compute, {Arms} arms x {settings.MonteCarloDraws:N0} draws, {runs} runs: median {milliseconds[runs / 2]:F1} ms, min {milliseconds[0]:F1} ms, max {milliseconds[^1]:F1} ms"));
    }
}
