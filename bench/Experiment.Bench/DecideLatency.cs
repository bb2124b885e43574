using System.Diagnostics;
using System.Globalization;
using Experimentation.Assignment;
using Experimentation.Targeting;
using Grains.Decisions;
using Grains.Experiments;
using Grains.Interfaces.Experiments;

namespace Experiment.Bench;

/// <summary>
/// In-process decision latency for a 10-arm bandit: DecisionService.Decide on a compiled snapshot
/// (targeting check, three assignment hashes, a draw from the precomputed policy, the exposure
/// record), each call timed on its own after a warm-up.
/// </summary>
internal static class DecideLatency
{
    public static void Run(int calls)
    {
        var arms = Enumerable.Range(0, 10).Select(i => new VariantDefinition { Name = $"arm_{i}", Config = BenchCluster.Config($$"""{"slot":{{i}}}""") }).ToList();
        var definition = new ExperimentDefinition { Id = "latency", Type = ExperimentTypes.Bandit, Variants = arms };
        var probabilities = Enumerable.Range(1, 10).Select(i => i / 55.0).ToArray();
        var experiment = new CompiledExperiment(new ExperimentSnapshot { Definition = definition, Policies = [new SegmentPolicy("", probabilities, "thompson")] });
        var service = new DecisionService(null!, null!, null!, null!, new SharedRandomSource(), TimeProvider.System);
        var targeting = TargetingContext.Empty;
        var users = Enumerable.Range(0, 4096).Select(i => $"user-{i}").ToArray();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 200_000; i++)
        {
            service.Decide(experiment, users[i & 4095], null, targeting, "d", now, out _);
        }

        var decide = Measure(calls, i => service.Decide(experiment, users[i & 4095], null, targeting, "d", now, out _));
        var plan = new AssignmentPlan("latency", [0.25, 0.25, 0.25, 0.25], "x7f2k", 0.9, 0.05, new LayerRange("checkout", 0, 10_000));
        for (var i = 0; i < 200_000; i++)
        {
            Assigner.Assign(plan, users[i & 4095]);
        }

        var assign = Measure(calls, i => Assigner.Assign(plan, users[i & 4095]));
        Console.WriteLine("| Path (10 arms) | p50 (ns) | p99 (ns) | p99.9 (ns) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Print("DecisionService.Decide (hash + policy draw + exposure)", decide);
        Print("Assigner.Assign alone (layer, traffic, holdout and variant hashes)", assign);
    }

    private static long[] Measure(int calls, Action<int> call)
    {
        var samples = new long[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call(i);
            samples[i] = Stopwatch.GetTimestamp() - started;
        }

        Array.Sort(samples);
        return samples;
    }

    private static void Print(string path, long[] samples)
    {
        double Ns(double quantile) => samples[(int)Math.Min(samples.Length - 1, quantile * samples.Length)] * 1e9 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {path} | {Ns(0.5):N0} | {Ns(0.99):N0} | {Ns(0.999):N0} |"));
    }
}
