using System.Diagnostics;
using System.Globalization;
using Grains.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Microsoft.Extensions.DependencyInjection;
using TestInfrastructure;

namespace Experiment.Bench;

/// <summary>
/// Reward-to-posterior freshness on a two-silo cluster: a conversion is appended to a user's stream
/// after its exposure was counted, and the clock runs until every silo's cached snapshot of the
/// experiment shows the conversion.
/// </summary>
internal static class Freshness
{
    public static async Task RunAsync(int samples)
    {
        await using var cluster = await BenchCluster.StartAsync("fresh", silos: 2, seed: 5);
        const string Id = "freshness";
        await cluster.DefineAsync(new ExperimentDefinition
        {
            Id = Id,
            Type = ExperimentTypes.Bandit,
            Variants = [new VariantDefinition { Name = "a" }, new VariantDefinition { Name = "b" }],
            AttributionWindowSeconds = 3600,
        });
        var log = cluster.First.GetRequiredService<ExposureLog>();
        var decisions = cluster.First.GetRequiredService<DecisionService>();
        var timings = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var user = $"fresh-{i}";
            await decisions.DecideAsync(new Grains.Interfaces.Decisions.DecisionRequest { UserId = user, Experiments = [Id] });
            await Eventually.TrueAsync(() => cluster.All.All(s => BenchCluster.Snapshot(s, Id)?.Exposures.Sum() > i), TimeSpan.FromSeconds(30), "exposure counted");
            var started = Stopwatch.GetTimestamp();
            log.Append(new InteractionEvent { EventId = user + ":c", UserId = user, Type = "conversion", Timestamp = DateTimeOffset.UtcNow });
            await WaitAsync(() => cluster.All.All(s => BenchCluster.Snapshot(s, Id)?.Conversions.Sum() > i));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Print("reward to posterior on both silos", timings);
        Print("definition (PUT returned) to both silos' catalogs", await DefinitionsAsync(cluster, Math.Max(10, samples / 3)));
    }

    /// <summary>Times from a definition's durable return until every silo's catalog has that version.</summary>
    private static async Task<List<double>> DefinitionsAsync(BenchCluster cluster, int samples)
    {
        var grains = cluster.First.GetRequiredService<Runtime.Abstractions.IGrainFactory>();
        var timings = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var id = $"def-{i}";
            var stored = await grains.GetGrain<IExperimentGrain>(id).DefineAsync(new ExperimentDefinition
            {
                Id = id,
                Type = ExperimentTypes.Ab,
                Variants = [new VariantDefinition { Name = "a", Weight = 0.5 }, new VariantDefinition { Name = "b", Weight = 0.5 }],
            });
            var started = Stopwatch.GetTimestamp();
            await WaitAsync(() => cluster.All.All(s => s.GetRequiredService<ExperimentCatalog>().TryGet(id, out var e) && e.Definition.Version == stored.Version));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return timings;
    }

    private static void Print(string what, List<double> timings)
    {
        timings.Sort();
        double At(double q) => timings[(int)Math.Min(timings.Count - 1, q * timings.Count)];
        Console.WriteLine("| What | Samples | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {timings.Count} | {At(0.5):N0} | {At(0.9):N0} | {At(0.99):N0} | {timings[^1]:N0} |"));
    }

    /// <summary>A tight poll: Eventually's back-off would add its own delay to what is measured.</summary>
    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("the conversion never reached every silo");
            }

            await Task.Delay(1);
        }
    }
}
