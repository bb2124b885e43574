using System.Globalization;
using Bandit.Bench;
using Grains.Interfaces.Experiments;

namespace Experiment.Bench;

/// <summary>Cumulative regret of the full pipeline against ideal instant Thompson sampling and a uniform split, on the same traffic.</summary>
internal static class PipelineRegret
{
    public static async Task RunAsync(int decisions, double perSecond, int seeds)
    {
        double[][] scenarios = [[0.04, 0.05, 0.07], [.. Enumerable.Range(0, 10).Select(arm => 0.030 + (arm * 0.0025))]];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{decisions:N0} decisions at {perSecond:N0}/s in real time per run; traffic seeds 1..{seeds}."));
        Console.WriteLine();
        Console.WriteLine("| Arms (rates) | Seed | Policy | Regret | Regret / (a) | Best arm's share |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: |");
        await using var cluster = await BenchCluster.StartAsync("regret", silos: 1, seed: 11);
        foreach (var rates in scenarios)
        {
            var name = $"{rates.Length} ({string.Join("/", rates.Select(r => (r * 100).ToString("0.##", CultureInfo.InvariantCulture)))} %)";
            for (var seed = 1; seed <= seeds; seed++)
            {
                var scenario = new SimulationScenario(name, rates, decisions, perSecond, seed);
                var id = $"regret-{rates.Length}-{seed}";
                var variants = Enumerable.Range(0, rates.Length).Select(i => $"arm_{i}").ToList();
                await cluster.DefineAsync(new ExperimentDefinition
                {
                    Id = id,
                    Type = ExperimentTypes.Bandit,
                    Variants = [.. variants.Select(v => new VariantDefinition { Name = v })],
                    RewardEventType = "conversion",
                    AttributionWindowSeconds = 3600,
                });
                var results = new[]
                {
                    RegretSimulation.Run(scenario, new InstantThompsonBandit(rates.Length, seed * 1000)),
                    RegretSimulation.Run(scenario, new PipelineBandit(cluster, id, variants, seed)),
                    RegretSimulation.Run(scenario, new UniformBandit(rates.Length, (seed * 1000) + 4)),
                };
                var best = Array.IndexOf(rates, rates.Max());
                if (BenchCluster.Snapshot(cluster.First, id) is { } snapshot)
                {
                    var policy = snapshot.Policies.FirstOrDefault();
                    Console.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{id}: policy {policy?.Reason} [{string.Join(", ", policy?.Probabilities.Select(p => p.ToString("F3", CultureInfo.InvariantCulture)) ?? [])}], exposures [{string.Join(", ", snapshot.Exposures)}], conversions [{string.Join(", ", snapshot.Conversions)}]"));
                }

                foreach (var result in results)
                {
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {name} | {seed} | {result.Policy} | {result.Regret:N0} | {result.Regret / results[0].Regret:F2} | {result.ShareOf(best):P1} |"));
                }
            }
        }
    }
}
