using System.Globalization;

namespace TestInfrastructure;

/// <summary>Reads values out of a silo's /metrics page (Prometheus text format).</summary>
public static class MetricsText
{
    /// <summary>The sum of metric <paramref name="name"/>'s series whose line contains <paramref name="labelFilter"/>.</summary>
    public static double Sum(string text, string name, string labelFilter = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        return text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is ' ' or '{') && line.Contains(labelFilter, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
