using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Grains.Interfaces;

namespace Api.Bench;

/// <summary>
/// Time from <c>POST /v1/events</c> (sent) until <c>GET /v1/users/{id}/features</c> shows the event, for a
/// new user each sample, polling as fast as one request after another allows.
/// </summary>
internal static class FreshnessProbe
{
    public static async Task<double[]> MeasureAsync(Uri silo, int samples, string runId)
    {
        using var http = new HttpClient { BaseAddress = silo, Timeout = TimeSpan.FromSeconds(30) };
        var elapsed = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var user = $"fresh-{runId}-{i}";
            var body = $$"""[{"eventId":"{{user}}-1","userId":"{{user}}","type":"click","timestamp":"{{DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}}"}]""";
            var started = Stopwatch.GetTimestamp();
            using (var content = new StringContent(body, Encoding.UTF8, "application/json"))
            using (var posted = await http.PostAsync(new Uri("/v1/events", UriKind.Relative), content))
            {
                posted.EnsureSuccessStatusCode();
            }

            while ((await http.GetFromJsonAsync($"/v1/users/{user}/features", GrainsJsonContext.Default.UserFeatures))!.TotalEvents < 1)
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"{user}'s event not visible after 30 s");
                }
            }

            elapsed[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(elapsed);
        return elapsed;
    }
}
