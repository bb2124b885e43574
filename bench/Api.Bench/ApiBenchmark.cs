using System.Globalization;
using System.Net;
using System.Text;
using TestInfrastructure;

namespace Api.Bench;

/// <summary>
/// Decide against a bare minimal-API endpoint, both served by this process, in the same run: throughput with
/// wrk at 64 and 8 connections; latency percentiles at the same fixed rates with an open-loop load, because
/// wrk (closed loop) compares latencies at different rates and its percentiles proved unreliable on this
/// machine (one connection reported a 3.6 ms mean for 27,693 requests in 5 s). Event freshness is measured
/// first, on an idle pipeline: a load's backlog of exposures would otherwise be measured with it.
/// </summary>
internal static class ApiBenchmark
{
    private static readonly int[] ConnectionCounts = [64, 8];
    private static readonly int[] Rates = [500, 1_000];

    public static async Task<int> RunAsync(int seconds, int samples)
    {
        var cluster = RealServices.UniqueName("apibench");
        try
        {
            return await MeasureAsync(cluster, seconds, samples);
        }
        finally
        {
            // After the silo has stopped, so its final checkpoint's rows go too (50,000 users' worth).
            await ClusterRows.DeleteAsync(RealServices.Instance, [cluster]);
        }
    }

    private static async Task<int> MeasureAsync(string cluster, int seconds, int samples)
    {
        await using var hosts = await BenchHosts.StartAsync(cluster);
        await DefineExperimentAsync(hosts.SiloAddress);
        var decide = new Uri(hosts.SiloAddress, "/v1/decide");
        var bare = new Uri(hosts.BareAddress, "/bare");

        // Warm-up: a profile of decide after 25 s of load still showed a third of the CPU in the JIT and
        // tiered compilation, so both paths run long enough for the tiered compiler to settle first.
        await WrkRunner.RunAsync(bare, 2, 16, 15);
        await WrkRunner.RunAsync(decide, 2, 16, 45, WrkRunner.DecideScript);

        await hosts.WaitForIdleAsync();
        var freshness = await FreshnessProbe.MeasureAsync(hosts.SiloAddress, samples, cluster);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"freshness (POST /v1/events until GET features shows it), {samples} samples: p50 {FixedRateLoad.Percentile(freshness, 50):0.0} ms, p99 {FixedRateLoad.Percentile(freshness, 99):0.0} ms, max {freshness[^1]:0.0} ms"));
        Console.WriteLine();
        Console.WriteLine($"cluster {cluster}: decide (one ab experiment, 50,000 users) vs bare constant JSON, same process; {seconds} s per run");
        Console.WriteLine();
        Console.WriteLine("Throughput, wrk -t2 (closed loop: each connection sends its next request when the last one is answered):");
        Console.WriteLine("| connections | bare req/s | decide req/s | decide / bare | errors |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var connections in ConnectionCounts)
        {
            var threads = Math.Min(2, connections);
            var bareResult = await WrkRunner.RunAsync(bare, threads, connections, seconds);
            var decideResult = await WrkRunner.RunAsync(decide, threads, connections, seconds, WrkRunner.DecideScript);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {connections} | {bareResult.RequestsPerSecond:N0} | {decideResult.RequestsPerSecond:N0} | {decideResult.RequestsPerSecond / bareResult.RequestsPerSecond:P0} | {bareResult.Errors + decideResult.Errors} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Latency at the same fixed rate (open loop, HttpClient in this process):");
        Console.WriteLine("| rate | bare p50 | decide p50 | bare p99 | decide p99 | p99 decide / bare | bare max | decide max | failures | GCs gen0/1/2, paused: bare | decide |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };

        // The client's own first requests pay for its JIT and connections: both paths run briefly unmeasured first.
        await FixedRateLoad.RunAsync(http, _ => new HttpRequestMessage(HttpMethod.Get, bare), Rates[0], 3);
        await FixedRateLoad.RunAsync(http, DecideRequest(decide), Rates[0], 3);
        foreach (var rate in Rates)
        {
            await hosts.WaitForIdleAsync();
            var bareGc = GcWindow.Now();
            var bareLatency = await FixedRateLoad.RunAsync(http, _ => new HttpRequestMessage(HttpMethod.Get, bare), rate, seconds);
            var decideGc = GcWindow.Now();
            var decideLatency = await FixedRateLoad.RunAsync(http, DecideRequest(decide), rate, seconds);
            var endGc = GcWindow.Now();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {rate:N0}/s | {bareLatency.P50Ms:0.00} ms | {decideLatency.P50Ms:0.00} ms | {bareLatency.P99Ms:0.00} ms | {decideLatency.P99Ms:0.00} ms | {decideLatency.P99Ms / bareLatency.P99Ms:0.00}x | {bareLatency.MaxMs:0} ms | {decideLatency.MaxMs:0} ms | {bareLatency.Failures + decideLatency.Failures} | {decideGc.Since(bareGc)} | {endGc.Since(decideGc)} |"));
        }

        return 0;
    }

    /// <summary>Decide requests for <paramref name="experiment"/>, rotating over the 50,000 users the wrk script uses.</summary>
    public static Func<int, HttpRequestMessage> DecideRequest(Uri decide, string experiment = "bench-ab") => index => new HttpRequestMessage(HttpMethod.Post, decide)
    {
        Content = new StringContent($$"""{"userId":"bench-user-{{index % 50_000}}","experiments":["{{experiment}}"]}""", Encoding.UTF8, "application/json"),
    };

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
