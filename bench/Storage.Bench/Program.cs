using System.Globalization;
using Storage.Bench;

// Usage: dotnet run -c Release --project bench/Storage.Bench -- [seconds per provider] [writers] [rounds] [only providers whose name contains this]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var writers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var only = args.Length > 3 ? args[3] : string.Empty;
return await StorageBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), writers, rounds, only);
