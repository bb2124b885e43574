using System.Diagnostics.Metrics;
using Grains.Decisions;
using Runtime.Diagnostics;

namespace Dashboard.History;

/// <summary>
/// Listens to the instruments the dashboard charts, and only to those of this host's own
/// <see cref="IMeterFactory"/>: two silos in one process (tests) keep their figures apart.
/// Totals only grow; <see cref="DashboardHistory"/> turns them into rates per interval.
/// </summary>
internal sealed class DashboardMeters : IDisposable
{
    private const string HttpServerDuration = "http.server.request.duration";
    private const string StatusCodeTag = "http.response.status_code";

    private readonly IMeterFactory _meterFactory;
    private readonly MeterListener _listener;
    private long _events;
    private long _decisions;
    private long _deadLetters;
    private long _checkpointFailures;
    private long _serverErrors;

    public DashboardMeters(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meterFactory = meterFactory;
        _listener = new MeterListener { InstrumentPublished = OnPublished };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    public LatencyHistogram GrainCalls { get; } = new();

    public long Events => Interlocked.Read(ref _events);

    public long Decisions => Interlocked.Read(ref _decisions);

    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    /// <summary>Checkpoints that failed (fenced or storage error) plus HTTP responses with a 5xx status.</summary>
    public long Errors => Interlocked.Read(ref _checkpointFailures) + Interlocked.Read(ref _serverErrors);

    public void Dispose() => _listener.Dispose();

    private static bool IsServerError(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == StatusCodeTag)
            {
                return tag.Value is int code && code >= 500;
            }
        }

        return false;
    }

    private void OnPublished(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter.Scope, _meterFactory))
        {
            return;
        }

        switch (instrument.Name)
        {
            case "runtime.events.processed" or "runtime.dead_letters" or "runtime.checkpoint.failures" or "runtime.grain.call.duration" or HttpServerDuration:
            case DecisionInstruments.DecisionsName when instrument.Meter.Name == DecisionInstruments.MeterName:
                listener.EnableMeasurementEvents(instrument);
                break;
        }
    }

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case "runtime.events.processed":
                Interlocked.Add(ref _events, value);
                break;
            case "runtime.dead_letters":
                Interlocked.Add(ref _deadLetters, value);
                break;
            case "runtime.checkpoint.failures":
                Interlocked.Add(ref _checkpointFailures, value);
                break;
            case DecisionInstruments.DecisionsName:
                Interlocked.Add(ref _decisions, value);
                break;
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "runtime.grain.call.duration")
        {
            GrainCalls.Record(value);
        }
        else if (instrument.Name == HttpServerDuration && IsServerError(tags))
        {
            Interlocked.Increment(ref _serverErrors);
        }
    }
}
