using System.Diagnostics.Metrics;

namespace Runtime.Diagnostics;

/// <summary>What the exporter keeps per instrument: its Prometheus identity and its series.</summary>
internal abstract class InstrumentState
{
    protected InstrumentState(Instrument instrument, string metricName, string metricType)
    {
        Instrument = instrument;
        MetricName = metricName;
        MetricType = metricType;
    }

    public Instrument Instrument { get; }

    public string MetricName { get; }

    /// <summary>The <c># TYPE</c> word: counter, gauge or histogram.</summary>
    public string MetricType { get; }

    public abstract bool HasSeries { get; }

    /// <summary>Maps an instrument to its state, or returns null for instrument kinds the format cannot express.</summary>
    public static InstrumentState? TryCreate(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var valueType = type.GetGenericArguments()[0];
        var isFloatingPoint = valueType == typeof(double) || valueType == typeof(float) || valueType == typeof(decimal);

        // Observable instruments report totals or current values, never increments, so their
        // series take the reported value instead of adding to it.
        if (definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>))
        {
            return new ScalarInstrumentState(instrument, isCounter: true, replacesValue: instrument.IsObservable, isFloatingPoint);
        }

        if (definition == typeof(UpDownCounter<>) || definition == typeof(ObservableUpDownCounter<>))
        {
            return new ScalarInstrumentState(instrument, isCounter: false, replacesValue: instrument.IsObservable, isFloatingPoint);
        }

        if (definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>))
        {
            return new ScalarInstrumentState(instrument, isCounter: false, replacesValue: true, isFloatingPoint);
        }

        if (definition == typeof(Histogram<>))
        {
            return new HistogramInstrumentState(instrument);
        }

        return null;
    }

    public abstract void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    /// <summary>Called under the scrape lock before observable instruments are asked for their values.</summary>
    public virtual void BeginCollection()
    {
    }

    /// <summary>Writes the sample lines (not HELP or TYPE) of every series.</summary>
    public abstract void WriteSamples(TextWriter writer);

    protected static void WriteSeriesName(TextWriter writer, string name, string labels)
    {
        writer.Write(name);
        if (labels.Length > 0)
        {
            writer.Write('{');
            writer.Write(labels);
            writer.Write('}');
        }

        writer.Write(' ');
    }
}
