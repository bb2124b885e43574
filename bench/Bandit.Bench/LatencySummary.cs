using System.Diagnostics;
using System.Globalization;

namespace Bandit.Bench;

/// <summary>Percentiles of per-call durations, kept in Stopwatch ticks and printed in nanoseconds.</summary>
internal sealed class LatencySummary
{
    private readonly long[] _sorted;

    public LatencySummary(string path, long[] ticks)
    {
        Path = path;
        _sorted = [.. ticks];
        Array.Sort(_sorted);
    }

    public string Path { get; }

    public static double TicksToNanoseconds(double ticks) => ticks * 1e9 / Stopwatch.Frequency;

    public double Percentile(double p) =>
        TicksToNanoseconds(_sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1)]);

    public double Mean => TicksToNanoseconds(_sorted.Average());

    public string Row(double batchMeanNanoseconds) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Path} | {_sorted.Length:N0} | {batchMeanNanoseconds:F0} | {Mean:F0} | {Percentile(0.5):F0} | {Percentile(0.99):F0} | {Percentile(0.999):F0} | {TicksToNanoseconds(_sorted[^1]):F0} |");

    public const string Header =
        "| Path | Calls | Mean, batch-timed (ns) | Mean, per call (ns) | p50 (ns) | p99 (ns) | p99.9 (ns) | Max (ns) |\n" +
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
}
