using System.Globalization;
using Experiment.Bench;

// Usage: dotnet bench/Experiment.Bench/bin/Release/net10.0/Experiment.Bench.dll [decide|regret|freshness|memory|all] [n] (regret: [decisions] [per second] [seeds])
// Needs the real services for all but decide: scripts/deps up && eval "$(scripts/deps env)".
var mode = args.Length > 0 ? args[0] : "all";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

if (mode is "decide" or "all")
{
    Console.WriteLine("## In-process decision latency");
    DecideLatency.Run(Arg(1, 1_000_000));
}

if (mode is "freshness" or "all")
{
    Console.WriteLine("## Reward to posterior on every silo");
    await Freshness.RunAsync(Arg(1, 100));
}

if (mode is "memory" or "all")
{
    Console.WriteLine("## Memory per cached user grain");
    await Memory.RunAsync(Arg(1, 20_000), 12);
}

if (mode is "regret" or "all")
{
    Console.WriteLine("## Cumulative regret, full pipeline");
    await PipelineRegret.RunAsync(Arg(1, 24_000), Arg(2, 400), seeds: Arg(3, 3));
}

return 0;
