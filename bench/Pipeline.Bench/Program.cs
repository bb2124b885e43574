using System.Globalization;
using Pipeline.Bench;

// Usage: dotnet run -c Release --project bench/Pipeline.Bench -- [events] [users] [rounds] [both|user|counter]
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
IReadOnlyList<SiloKind> kinds = args.Length > 3 && args[3] != "both" ? [Enum.Parse<SiloKind>(args[3], ignoreCase: true)] : [SiloKind.Counter, SiloKind.User];
return await PipelineBenchmark.RunAsync(events, users, rounds, kinds);
