using System.Diagnostics;

namespace Api.Bench;

/// <summary>
/// An open-loop load at a fixed request rate (what wrk2's -R does; wrk2 is not packaged here): requests
/// start on schedule whether or not earlier ones have answered, so both endpoints are compared at exactly
/// the same rate and a slow answer cannot hide the ones queued behind it.
/// </summary>
internal static class FixedRateLoad
{
    /// <summary>The pacer sends every request that is due, then sleeps about a millisecond.</summary>
    private static readonly TimeSpan PacerStep = TimeSpan.FromMilliseconds(1);

    public static async Task<LatencySummary> RunAsync(HttpClient client, Func<int, HttpRequestMessage> request, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var failures = 0;
        var sends = new List<Task>(total);
        var started = Stopwatch.GetTimestamp();
        for (var sent = 0; sent < total;)
        {
            var due = (int)Math.Min(total, Stopwatch.GetElapsedTime(started).TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                sends.Add(SendAsync(sent));
            }

            await Task.Delay(PacerStep);
        }

        await Task.WhenAll(sends);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Array.Sort(latencies);
        return new LatencySummary(total / elapsed, Percentile(latencies, 50), Percentile(latencies, 99), latencies[^1], failures);

        async Task SendAsync(int index)
        {
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var message = request(index);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failures);
            }

            latencies[index] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        }
    }

    public static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
