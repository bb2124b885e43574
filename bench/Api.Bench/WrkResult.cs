using System.Globalization;
using System.Text.RegularExpressions;

namespace Api.Bench;

/// <summary>What one wrk run measured: requests per second and latency percentiles (wrk --latency).</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, string Raw)
{
    public static WrkResult Parse(string output)
    {
        var rate = double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = ErrorsLine().Match(output) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += Non2xxLine().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rate, Percentile(output, "50"), Percentile(output, "99"), errors, output);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Socket errors: connect (\d+)")]
    private static partial Regex ErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();
}
