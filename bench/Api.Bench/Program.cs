using Api.Bench;

// Usage: dotnet bench/Api.Bench/bin/Release/net10.0/Api.Bench.dll [seconds per wrk run] [freshness samples]
//        dotnet bench/Api.Bench/bin/Release/net10.0/Api.Bench.dll rate URL REQ_PER_S SECONDS [EXPERIMENT]
// Needs wrk on PATH (apt-get install -y wrk); uses Kafka and PostgreSQL from `scripts/deps env` (started if absent).
if (args.Length > 0 && args[0] == "rate")
{
    return await RateProbe.RunAsync(args);
}

var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
var samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
return await ApiBenchmark.RunAsync(seconds, samples);
