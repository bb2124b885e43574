using System.Diagnostics;
using System.Globalization;

namespace Api.Bench;

/// <summary>Runs wrk against one URL, optionally with a Lua script that builds each request.</summary>
internal static class WrkRunner
{
    /// <summary>POSTs decide for a rotating user, so decisions and exposures spread over users and partitions.</summary>
    public const string DecideScript = """
        local n = 0
        request = function()
          n = n + 1
          local body = '{"userId":"bench-user-' .. (n % 50000) .. '","experiments":["bench-ab"]}'
          return wrk.format("POST", "/v1/decide", {["Content-Type"] = "application/json"}, body)
        end
        """;

    public static async Task<WrkResult> RunAsync(Uri url, int threads, int connections, int seconds, string? script = null)
    {
        string? scriptPath = null;
        var arguments = new List<string> { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s" };
        if (script is not null)
        {
            scriptPath = Path.Combine(Path.GetTempPath(), $"wrk-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(scriptPath, script);
            arguments.AddRange(["-s", scriptPath]);
        }

        arguments.Add(url.ToString());
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; apt-get install -y wrk");
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? WrkResult.Parse(output) : throw new InvalidOperationException($"wrk failed: {errors}{output}");
        }
        finally
        {
            if (scriptPath is not null)
            {
                File.Delete(scriptPath);
            }
        }
    }
}
