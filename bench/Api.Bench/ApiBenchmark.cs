using System.Globalization;
using System.Net;
using System.Text;
using TestInfrastructure;

namespace Api.Bench;

/// <summary>
/// Decide against a bare minimal-API endpoint, both served by this process and driven by wrk in the same run:
/// at wrk's maximum rate (64 connections) and at fixed low connection counts (8 and 1), where each server is
/// far from saturated so the two p99s compare service time rather than queueing. Then event freshness.
/// </summary>
internal static class ApiBenchmark
{
    private static readonly int[] ConnectionCounts = [64, 8, 1];

    public static async Task<int> RunAsync(int seconds, int samples)
    {
        var cluster = RealServices.UniqueName("apibench");
        await using var hosts = await BenchHosts.StartAsync(cluster);
        await DefineExperimentAsync(hosts.SiloAddress);
        var decide = new Uri(hosts.SiloAddress, "/v1/decide");
        var bare = new Uri(hosts.BareAddress, "/bare");

        // Warm-up: a profile of decide after 25 s of load still showed a third of the CPU in the JIT and
        // tiered compilation, so both paths run long enough for the tiered compiler to settle first.
        await WrkRunner.RunAsync(bare, 2, 16, 15);
        await WrkRunner.RunAsync(decide, 2, 16, 45, WrkRunner.DecideScript);

        Console.WriteLine($"cluster {cluster}: decide (one ab experiment) vs bare constant JSON; wrk {seconds} s per run, 2 threads");
        Console.WriteLine("| connections | bare req/s | decide req/s | ratio | bare p50 | decide p50 | bare p99 | decide p99 | p99 ratio | errors |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var connections in ConnectionCounts)
        {
            var threads = Math.Min(2, connections);
            var bareResult = await WrkRunner.RunAsync(bare, threads, connections, seconds);
            var decideResult = await WrkRunner.RunAsync(decide, threads, connections, seconds, WrkRunner.DecideScript);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {connections} | {bareResult.RequestsPerSecond:N0} | {decideResult.RequestsPerSecond:N0} | {decideResult.RequestsPerSecond / bareResult.RequestsPerSecond:P0} | {bareResult.P50Ms:0.###} ms | {decideResult.P50Ms:0.###} ms | {bareResult.P99Ms:0.###} ms | {decideResult.P99Ms:0.###} ms | {decideResult.P99Ms / bareResult.P99Ms:0.00}x | {bareResult.Errors + decideResult.Errors} |"));
        }

        var freshness = await FreshnessProbe.MeasureAsync(hosts.SiloAddress, samples, cluster);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"freshness (POST /v1/events until GET features shows it), {samples} samples: p50 {FreshnessProbe.Percentile(freshness, 50):0.0} ms, p99 {FreshnessProbe.Percentile(freshness, 99):0.0} ms, max {freshness[^1]:0.0} ms"));
        return 0;
    }

    private static async Task DefineExperimentAsync(Uri silo)
    {
        using var http = new HttpClient { BaseAddress = silo };
        const string Definition = """
            {"id":"bench-ab","type":"ab","variants":[{"name":"control","weight":0.5,"config":{"color":"blue"}},{"name":"green","weight":0.5,"config":{"color":"green"}}]}
            """;
        using (var content = new StringContent(Definition, Encoding.UTF8, "application/json"))
        using (var put = await http.PutAsync(new Uri("/v1/experiments/bench-ab", UriKind.Relative), content))
        {
            put.EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(
            async () =>
            {
                using var content = new StringContent("""{"userId":"probe","experiments":["bench-ab"]}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("/v1/decide", UriKind.Relative), content);
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(60),
            "the experiment reaches the decision cache");
    }
}
