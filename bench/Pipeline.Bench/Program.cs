using System.Globalization;
using Pipeline.Bench;

// Usage: dotnet run -c Release --project bench/Pipeline.Bench -- [events] [users] [rounds]
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
return await PipelineBenchmark.RunAsync(events, users, rounds);
