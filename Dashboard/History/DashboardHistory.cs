using Grains.Decisions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Hosting;

namespace Dashboard.History;

/// <summary>
/// Samples this silo every <see cref="DashboardOptions.SampleInterval"/> into a bounded ring that
/// reaches back <see cref="DashboardOptions.HistoryWindow"/> (one hour by default): event and
/// decision rates, grain-call latency percentiles, partitions, errors, CPU and memory, and each
/// experiment's traffic split. Clients poll for the samples after the last one they hold.
/// </summary>
public sealed partial class DashboardHistory : BackgroundService
{
    private readonly DashboardMeters _meters;
    private readonly SiloRuntime _runtime;
    private readonly ExperimentCatalog _experiments;
    private readonly TimeProvider _time;
    private readonly DashboardOptions _options;
    private readonly ProcessUsage _usage;
    private readonly SampleRing<DashboardSample> _samples;
    private readonly TrafficHistory _traffic;
    private readonly ILogger<DashboardHistory> _logger;
    private readonly Lock _sampling = new();
    private long _sequence;
    private long _lastTimestamp;
    private long _lastEvents;
    private long _lastDecisions;
    private long[] _lastCalls;

    internal DashboardHistory(DashboardMeters meters, SiloRuntime runtime, ExperimentCatalog experiments, TimeProvider time, IOptions<DashboardOptions> options, ILogger<DashboardHistory> logger)
    {
        _logger = logger;
        _meters = meters;
        _runtime = runtime;
        _experiments = experiments;
        _time = time;
        _options = options.Value;
        _usage = new ProcessUsage(time);
        _samples = new SampleRing<DashboardSample>(_options.Capacity);
        _traffic = new TrafficHistory(_options.Capacity);
        _lastTimestamp = time.GetTimestamp();
        _lastEvents = meters.Events;
        _lastDecisions = meters.Decisions;
        _lastCalls = meters.GrainCalls.Snapshot();
    }

    public TimeSpan SampleInterval => _options.SampleInterval;

    public TimeSpan Window => _options.HistoryWindow;

    /// <summary>The newest sample, or null before the first.</summary>
    public DashboardSample? Latest => _samples.Last();

    /// <summary>The samples after <paramref name="sequence"/> (0 for all), oldest first.</summary>
    public IReadOnlyList<DashboardSample> Since(long sequence) => _samples.Where(sample => sample.Sequence > sequence);

    /// <summary>The experiment's traffic split over the window, oldest first.</summary>
    public IReadOnlyList<TrafficPoint> TrafficOf(string experimentId) => _traffic.Of(experimentId, _time.GetUtcNow() - _options.HistoryWindow);

    /// <summary>Takes one sample now; the timer calls it, and tests may too.</summary>
    public DashboardSample Sample()
    {
        lock (_sampling)
        {
            var now = _time.GetTimestamp();
            var seconds = Math.Max(_time.GetElapsedTime(_lastTimestamp, now).TotalSeconds, 1e-3);
            var events = _meters.Events;
            var decisions = _meters.Decisions;
            var calls = _meters.GrainCalls.Snapshot();
            var partitions = _runtime.Partitions();
            var (cpu, workingSet, heap) = _usage.Read();
            var at = _time.GetUtcNow();
            var sample = new DashboardSample
            {
                Sequence = ++_sequence,
                At = at,
                EventsPerSecond = (events - _lastEvents) / seconds,
                EventsTotal = events,
                DecisionsTotal = decisions,
                DecisionsPerSecond = (decisions - _lastDecisions) / seconds,
                GrainCalls = calls.Sum() - _lastCalls.Sum(),
                CallP50Ms = LatencyHistogram.Quantile(_lastCalls, calls, 0.50) * 1000,
                CallP99Ms = LatencyHistogram.Quantile(_lastCalls, calls, 0.99) * 1000,
                CheckpointAgeSeconds = partitions.Count == 0 ? 0 : partitions.Max(p => p.CheckpointAge.TotalSeconds),
                Lag = partitions.Sum(p => p.Lag),
                DeadLetters = _meters.DeadLetters,
                Errors = _meters.Errors,
                CpuPercent = cpu,
                WorkingSetBytes = workingSet,
                HeapBytes = heap,
                PartitionsOwned = partitions.Count,
                Activations = partitions.SelectMany(p => p.ActivationsByType)
                    .GroupBy(pair => pair.Key, StringComparer.Ordinal)
                    .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal),
            };
            _samples.Add(sample);
            _traffic.Observe(_experiments.All(), at);
            (_lastTimestamp, _lastEvents, _lastDecisions, _lastCalls) = (now, events, decisions, calls);
            return sample;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                TrySample();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void TrySample()
    {
        try
        {
            Sample();
        }
#pragma warning disable CA1031 // One failed sample leaves a gap in the charts; it must not stop the sampler, or the host with it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SampleFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard could not take a sample; the next tick tries again.")]
    private static partial void SampleFailed(ILogger logger, Exception exception);
}
