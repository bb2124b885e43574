using System.Diagnostics.Metrics;

namespace Runtime.Diagnostics;

/// <summary>Counters, up-down counters and gauges: one number per tag set.</summary>
internal sealed class ScalarInstrumentState : InstrumentState
{
    private readonly SeriesMap<ScalarSeries> _series = new(static labels => new ScalarSeries(labels));
    private readonly bool _replacesValue;
    private readonly bool _isFloatingPoint;

    public ScalarInstrumentState(Instrument instrument, bool isCounter, bool replacesValue, bool isFloatingPoint)
        : base(instrument, PrometheusText.MetricName(instrument.Name, instrument.Unit, isCounter), isCounter ? "counter" : "gauge")
    {
        _replacesValue = replacesValue;
        _isFloatingPoint = isFloatingPoint;
    }

    public override bool HasSeries => !_series.IsEmpty;

    public override void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = _series.Get(tags);
        if (_replacesValue)
        {
            series.Set(value);
        }
        else
        {
            series.Add(value);
        }
    }

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = _series.Get(tags);
        if (_replacesValue)
        {
            series.Set(value);
        }
        else
        {
            series.Add(value);
        }
    }

    public override void BeginCollection()
    {
        // An observable callback reports exactly the tag sets that exist now; keeping last
        // scrape's series would resurrect ones it stopped reporting (a removed queue, a closed
        // partition) with stale values forever.
        if (Instrument.IsObservable)
        {
            _series.Clear();
        }
    }

    public override void WriteSamples(TextWriter writer)
    {
        foreach (var series in _series.Snapshot())
        {
            WriteSeriesName(writer, MetricName, series.Labels);
            if (_isFloatingPoint)
            {
                PrometheusText.WriteDouble(writer, series.DoubleValue);
            }
            else
            {
                PrometheusText.WriteLong(writer, series.LongValue);
            }

            writer.Write('\n');
        }
    }
}
