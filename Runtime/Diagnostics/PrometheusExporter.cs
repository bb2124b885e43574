using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Runtime.Diagnostics;

/// <summary>
/// Aggregates the instruments of selected <see cref="Meter"/>s in process and renders them in the
/// Prometheus text exposition format, version 0.0.4. Register one per process: each instance
/// keeps its own aggregates from the moment it is constructed.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private readonly string[] _meterPrefixes;
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();
    private readonly MeterListener _listener;

    // Serialises scrapes: observable instruments are reset and re-read per scrape, which two
    // concurrent scrapes would interleave. Recording never takes it.
    private readonly Lock _scrapeLock = new();
    private bool _disposed;

    /// <summary>Starts listening to every instrument of the meters that match <paramref name="meterPrefixes"/>.</summary>
    /// <param name="meterPrefixes">
    /// Meter names to export, each also matching its dotted descendants: "Runtime" selects
    /// "Runtime" and "Runtime.Kafka" but not "RuntimeTools". Compared case-insensitively.
    /// </param>
    public PrometheusExporter(IEnumerable<string> meterPrefixes)
    {
        ArgumentNullException.ThrowIfNull(meterPrefixes);
        _meterPrefixes = [.. meterPrefixes.Select(prefix => prefix?.TrimEnd('.') ?? string.Empty)];
        if (_meterPrefixes.Length == 0 || _meterPrefixes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one meter name prefix is required, and none may be empty.", nameof(meterPrefixes));
        }

        _listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            MeasurementsCompleted = OnMeasurementsCompleted,
        };

        // The state handed to EnableMeasurementEvents comes back with every measurement, which
        // spares the hot path a lookup of the instrument.
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(
            static (_, value, tags, state) => ((InstrumentState)state!).Record((double)value, tags));

        // Start publishes the instruments that already exist, so every field must be set by now.
        _listener.Start();
    }

    /// <summary>The meter name prefixes this exporter listens to.</summary>
    public IReadOnlyList<string> MeterPrefixes => _meterPrefixes;

    /// <summary>Renders the current values of all exported instruments.</summary>
    public string Render()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the current values of all exported instruments to <paramref name="writer"/>, with
    /// '\n' line endings whatever the platform. Scrapes are serialised, so a slow writer delays
    /// other scrapes (never recording); render to a string first when writing to a network.
    /// </summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_scrapeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            var states = _instruments.Values.ToArray();
            foreach (var state in states)
            {
                state.BeginCollection();
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException)
            {
                // The listener has already polled every other instrument before rethrowing; one
                // faulty callback should cost its own series, not the whole scrape.
            }

            // Different meters may define instruments with the same name; a family may appear
            // only once in a scrape, so they are merged, and a later one of a different type dropped.
            var families = states
                .OrderBy(state => state.MetricName, StringComparer.Ordinal)
                .ThenBy(state => state.Instrument.Meter.Name, StringComparer.Ordinal)
                .ThenBy(state => state.Instrument.Name, StringComparer.Ordinal)
                .GroupBy(state => state.MetricName, StringComparer.Ordinal);
            foreach (var family in families)
            {
                WriteFamily(writer, [.. family]);
            }
        }
    }

    /// <summary>Stops listening; later renders throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_scrapeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _listener.Dispose();
        }
    }

    private static void WriteFamily(TextWriter writer, InstrumentState[] family)
    {
        var first = family[0];
        var members = family.Where(state => state.MetricType == first.MetricType && state.HasSeries).ToArray();
        if (members.Length == 0)
        {
            return;
        }

        var help = members.Select(state => state.Instrument.Description).FirstOrDefault(text => !string.IsNullOrEmpty(text));
        if (help is not null)
        {
            writer.Write($"# HELP {first.MetricName} {PrometheusText.EscapeHelp(help)}\n");
        }

        writer.Write($"# TYPE {first.MetricName} {first.MetricType}\n");
        foreach (var state in members)
        {
            state.WriteSamples(writer);
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!IsExported(instrument.Meter.Name) || InstrumentState.TryCreate(instrument) is not { } state)
        {
            return;
        }

        _instruments[instrument] = state;
        listener.EnableMeasurementEvents(instrument, state);
    }

    private void OnMeasurementsCompleted(Instrument instrument, object? state) => _instruments.TryRemove(instrument, out _);

    private bool IsExported(string meterName)
    {
        foreach (var prefix in _meterPrefixes)
        {
            if (meterName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (meterName.Length == prefix.Length || meterName[prefix.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
