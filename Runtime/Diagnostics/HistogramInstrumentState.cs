using System.Diagnostics.Metrics;
using System.Globalization;

namespace Runtime.Diagnostics;

/// <summary>Histograms: cumulative buckets, sum and count per tag set.</summary>
internal sealed class HistogramInstrumentState : InstrumentState
{
    /// <summary>10 µs to 10 s in 1-2-5 steps: covers in-process calls as well as remote round trips.</summary>
    private static readonly double[] DefaultSecondsBounds =
    [
        0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005,
        0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10,
    ];

    /// <summary>OpenTelemetry's default explicit bucket boundaries.</summary>
    private static readonly double[] DefaultBounds =
        [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly SeriesMap<HistogramSeries> _series;
    private readonly string _bucketName;
    private readonly string _sumName;
    private readonly string _countName;
    private readonly string[] _upperBoundLabels;

    public HistogramInstrumentState(Instrument instrument)
        : base(instrument, PrometheusText.MetricName(instrument.Name, instrument.Unit, isCounter: false), "histogram")
    {
        var bounds = ResolveBounds(instrument);
        _series = new SeriesMap<HistogramSeries>(labels => new HistogramSeries(labels, bounds));
        _bucketName = MetricName + "_bucket";
        _sumName = MetricName + "_sum";
        _countName = MetricName + "_count";
        _upperBoundLabels = [.. bounds.Select(bound => $"le=\"{PrometheusText.FormatDouble(bound)}\""), "le=\"+Inf\""];
    }

    public override bool HasSeries => !_series.IsEmpty;

    public override void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => Record((double)value, tags);

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // A single NaN would turn the series' sum into NaN for the life of the process.
        if (double.IsNaN(value))
        {
            return;
        }

        _series.Get(tags).Record(value);
    }

    public override void WriteSamples(TextWriter writer)
    {
        foreach (var series in _series.Snapshot())
        {
            var cumulative = series.CumulativeCounts();
            var sum = series.Sum;
            var separator = series.Labels.Length > 0 ? "," : string.Empty;
            for (var i = 0; i < cumulative.Length; i++)
            {
                WriteSeriesName(writer, _bucketName, series.Labels + separator + _upperBoundLabels[i]);
                PrometheusText.WriteLong(writer, cumulative[i]);
                writer.Write('\n');
            }

            WriteSeriesName(writer, _sumName, series.Labels);
            PrometheusText.WriteDouble(writer, sum);
            writer.Write('\n');
            WriteSeriesName(writer, _countName, series.Labels);
            PrometheusText.WriteLong(writer, cumulative[^1]);
            writer.Write('\n');
        }
    }

    private static double[] ResolveBounds(Instrument instrument)
    {
        var advised = instrument switch
        {
            Instrument<double> typed => ToDoubles(typed.Advice?.HistogramBucketBoundaries),
            Instrument<float> typed => ToDoubles(typed.Advice?.HistogramBucketBoundaries),
            Instrument<long> typed => ToDoubles(typed.Advice?.HistogramBucketBoundaries),
            Instrument<int> typed => ToDoubles(typed.Advice?.HistogramBucketBoundaries),
            Instrument<short> typed => ToDoubles(typed.Advice?.HistogramBucketBoundaries),
            Instrument<byte> typed => ToDoubles(typed.Advice?.HistogramBucketBoundaries),
            Instrument<decimal> typed => ToDoubles(typed.Advice?.HistogramBucketBoundaries),
            _ => null,
        };

        // Binary search needs strictly ascending finite bounds, and "+Inf" is always appended,
        // so repair advice rather than trust it.
        var bounds = advised?.Where(double.IsFinite).Distinct().Order().ToArray();
        if (bounds is { Length: > 0 })
        {
            return bounds;
        }

        return instrument.Unit == "s" ? DefaultSecondsBounds : DefaultBounds;
    }

    private static double[]? ToDoubles<T>(IReadOnlyList<T>? values)
        where T : struct =>
        values?.Select(value => Convert.ToDouble(value, CultureInfo.InvariantCulture)).ToArray();
}
