using System.Globalization;
using Bandit.Bench;

// Usage: dotnet run -c Release --project bench/Bandit.Bench -- [latency|regret|all] [latency calls] [decisions] [seeds] [decisions/s]
var mode = args.Length > 0 ? args[0] : "all";
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var decisions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200_000;
var seeds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var rate = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 50;

if (mode is "latency" or "all")
{
    Console.WriteLine("## Decision latency");
    Console.WriteLine();
    DecisionLatencyBenchmark.Run(calls);
    Console.WriteLine();
}

if (mode is "regret" or "all")
{
    Console.WriteLine("## Cumulative regret");
    Console.WriteLine();
    RegretBenchmark.Run(decisions, seeds, rate);
}

return 0;
