using System.Globalization;
using System.Text.RegularExpressions;

namespace Api.Bench;

/// <summary>What one wrk run measured: requests per second, and connect errors plus non-2xx answers.</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, long Errors)
{
    public static WrkResult Parse(string output)
    {
        var rate = double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = ErrorsLine().Match(output) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += Non2xxLine().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rate, errors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Socket errors: connect (\d+)")]
    private static partial Regex ErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();
}
