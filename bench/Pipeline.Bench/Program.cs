using Pipeline.Bench;

// Usage: dotnet run -c Release --project bench/Pipeline.Bench -- [events] [users]
var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
var users = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
return await PipelineBenchmark.RunAsync(events, users);
