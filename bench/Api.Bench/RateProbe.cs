using System.Globalization;

namespace Api.Bench;

/// <summary>
/// One open-loop run against any running server: <c>rate URL REQ_PER_S SECONDS [EXPERIMENT]</c>. With an
/// experiment id it posts decide requests rotating over the benchmark's 50,000 users, otherwise it sends
/// GETs. Used to take decide's latency apart against a standalone silo (no exposure, other settings) outside the full benchmark.
/// </summary>
internal static class RateProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(args[1]);
        var rate = int.Parse(args[2], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[3], CultureInfo.InvariantCulture);
        var experiment = args.Length > 4 ? args[4] : null;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        var request = experiment is null
            ? _ => new HttpRequestMessage(HttpMethod.Get, url)
            : ApiBenchmark.DecideRequest(url, experiment);

        // The client's own first requests pay for its JIT: a short unmeasured run comes first.
        await FixedRateLoad.RunAsync(http, request, rate, 3);
        var result = await FixedRateLoad.RunAsync(http, request, rate, seconds);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{url} at {rate}/s for {seconds} s: p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, max {result.MaxMs:0} ms, failures {result.Failures}"));
        return result.Failures == 0 ? 0 : 1;
    }
}
