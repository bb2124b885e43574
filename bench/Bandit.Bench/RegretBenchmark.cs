using System.Globalization;
using Experimentation.Bandits;

namespace Bandit.Bench;

/// <summary>
/// Cumulative regret of (a) ideal Thompson sampling, (b) the precomputed policy with delayed,
/// batched feedback, and (c) a uniform split, on the same traffic seeds.
/// </summary>
internal static class RegretBenchmark
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FeedbackDelay = TimeSpan.FromSeconds(30);

    public static void Run(int decisions, int seeds, double decisionsPerSecond)
    {
        double[][] scenarios =
        [
            [0.04, 0.05, 0.07],
            [.. Enumerable.Range(0, 10).Select(arm => 0.030 + arm * 0.0025)],
        ];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{decisions:N0} decisions at {decisionsPerSecond:N0}/s; (b) refreshes every {RefreshInterval.TotalSeconds:N0} s and sees each reward {FeedbackDelay.TotalSeconds:N0} s after its decision; traffic seeds 1..{seeds}."));
        Console.WriteLine();
        Console.WriteLine("| Arms (rates) | Policy | Mean regret | Min | Max | Regret / (a) | Best arm's share |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rates in scenarios)
        {
            var name = $"{rates.Length} ({string.Join("/", rates.Select(r => (r * 100).ToString("0.##", CultureInfo.InvariantCulture)))} %)";
            var runs = Enumerable.Range(1, seeds)
                .SelectMany(seed => RunAll(new SimulationScenario(name, rates, decisions, decisionsPerSecond, seed)))
                .GroupBy(result => result.Policy)
                .ToList();
            var ideal = runs.Single(group => group.Key.StartsWith("(a)", StringComparison.Ordinal)).Average(r => r.Regret);
            foreach (var group in runs)
            {
                var best = Array.IndexOf(rates, rates.Max());
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {group.Key} | {group.Average(r => r.Regret):N0} | {group.Min(r => r.Regret):N0} | {group.Max(r => r.Regret):N0} | {group.Average(r => r.Regret) / ideal:F2} | {group.Average(r => r.ShareOf(best)):P1} |"));
            }
        }
    }

    private static IEnumerable<RegretResult> RunAll(SimulationScenario scenario)
    {
        var arms = scenario.Rates.Length;
        var seed = scenario.TrafficSeed * 1_000;
        var production = new BanditSettings();
        var bare = production with { BurnInTrials = 0, MinExplorationShare = 0 };
        IBanditUnderTest[] bandits =
        [
            new InstantThompsonBandit(arms, seed + 1),
            new BatchedThompsonBandit("(b) precomputed, delayed + batched (defaults: burn-in 100, floor 1 %)", arms, production, RefreshInterval, FeedbackDelay, seed + 2),
            new BatchedThompsonBandit("(b0) precomputed, delayed + batched, no burn-in or floor", arms, bare, RefreshInterval, FeedbackDelay, seed + 3),
            new UniformBandit(arms, seed + 4),
        ];
        return bandits.Select(bandit => RegretSimulation.Run(scenario, bandit));
    }
}
