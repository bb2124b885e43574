using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Bench.Counter;
using Runtime.Diagnostics;
using Runtime.Hosting;
using Silo;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>The real silo composition (AddSilo), or the runtime with a counting grain, hosted in the benchmark process.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MeterListener _listener = new();
    private readonly TaskCompletionSource _covered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _expected = long.MaxValue;
    private long _applied;
    private long _firstEventTicks;
    private long _lastEventTicks;
    private long _coveredTicks;
    private long _grainsWritten;

    // Each commit records its duration, so these durations also count the commits.
    private readonly Lock _gate = new();
    private readonly List<double> _commitDurations = [];
    private TimeSpan _consumerBlocked;
    private PipelineCounters _atFirstEvent;
    private readonly QuarterSecondSampler _sampler = new();

    // Events applied so far, as of the end of each quarter second since the first: where the pipeline stalls.
    private readonly long[] _appliedBySlot = new long[240];

    private BenchSilo(WebApplication app)
    {
        _app = app;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeInstruments.MeterName && instrument.Name is "runtime.events.processed" or "runtime.checkpoints" or "runtime.checkpoint.grains_written" or "runtime.checkpoint.duration" or "runtime.consumer.blocked")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "runtime.checkpoints")
            {
                OnCheckpoint();
            }
            else if (instrument.Name == "runtime.checkpoint.grains_written")
            {
                Interlocked.Add(ref _grainsWritten, value);
            }
            else if (value > 0)
            {
                OnApplied(value);
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, seconds, _, _) =>
        {
            lock (_gate)
            {
                if (instrument.Name == "runtime.consumer.blocked")
                {
                    _consumerBlocked += TimeSpan.FromSeconds(seconds);
                }
                else
                {
                    _commitDurations.Add(seconds);
                }
            }
        });
        _listener.Start();
    }

    public SiloRuntime Runtime => _app.Services.GetRequiredService<SiloRuntime>();

    public static async Task<BenchSilo> StartAsync(string cluster, RealServices services, SiloKind kind)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>(services.ConfigurationKeys) { ["Cluster:Name"] = cluster };
        builder.Configuration.AddInMemoryCollection(settings);
        WebApplication app;
        if (kind == SiloKind.Counter)
        {
            app = builder.AddCounterSilo().Build();
            app.MapRuntimeEndpoints();
        }
        else
        {
            app = builder.AddSilo().Build();
            app.MapSilo();
        }

        await app.StartAsync();
        var silo = new BenchSilo(app);
        await Eventually.TrueAsync(() => silo.Runtime.NotReadyReason is null, TimeSpan.FromSeconds(60), "silo ready");
        return silo;
    }

    /// <summary>
    /// Time from the first applied event until the commit after which checkpoints cover
    /// <paramref name="events"/> records, and what the process did meanwhile (CPU of all threads:
    /// consumer, processors, GC, JIT, librdkafka).
    /// </summary>
    public async Task<PipelineRun> MeasureAsync(int events)
    {
        Interlocked.Exchange(ref _expected, events);
        OnCheckpoint();
        await _covered.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var end = PipelineCounters.Read();
        _sampler.Dispose();
        var (cores, pauses) = _sampler.PerQuarterSecond();
        var first = Interlocked.Read(ref _firstEventTicks);
        return new PipelineRun(
            Stopwatch.GetElapsedTime(first, Interlocked.Read(ref _coveredTicks)),
            Stopwatch.GetElapsedTime(first, Interlocked.Read(ref _lastEventTicks)),
            end - _atFirstEvent,
            AppliedPerQuarterSecond(),
            Interlocked.Read(ref _grainsWritten),
            CommitDurations(),
            ConsumerBlocked(),
            cores,
            pauses);
    }

    private TimeSpan ConsumerBlocked()
    {
        lock (_gate)
        {
            return _consumerBlocked;
        }
    }

    private TimeSpan[] CommitDurations()
    {
        lock (_gate)
        {
            return [.. _commitDurations.Order().Select(TimeSpan.FromSeconds)];
        }
    }

    private List<long> AppliedPerQuarterSecond()
    {
        var perSlot = new List<long>();
        long before = 0;
        var last = Array.FindLastIndex(_appliedBySlot, total => total > 0);
        for (var slot = 0; slot <= last; slot++)
        {
            // A slot in which no processor reported applied nothing.
            var total = Math.Max(before, Interlocked.Read(ref _appliedBySlot[slot]));
            perSlot.Add(total - before);
            before = total;
        }

        return perSlot;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _sampler.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void OnApplied(long events)
    {
        if (Interlocked.Read(ref _firstEventTicks) == 0 && Interlocked.CompareExchange(ref _firstEventTicks, Stopwatch.GetTimestamp(), 0) == 0)
        {
            _atFirstEvent = PipelineCounters.Read();
            _sampler.Start(_atFirstEvent);
        }

        var total = Interlocked.Add(ref _applied, events);
        var slot = (int)(Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstEventTicks)).TotalMilliseconds / 250);
        if (slot < _appliedBySlot.Length)
        {
            // Processors report concurrently: keep the largest total seen in the slot.
            for (var seen = Interlocked.Read(ref _appliedBySlot[slot]); total > seen; seen = Interlocked.Read(ref _appliedBySlot[slot]))
            {
                if (Interlocked.CompareExchange(ref _appliedBySlot[slot], total, seen) == seen)
                {
                    break;
                }
            }
        }

        if (total >= Interlocked.Read(ref _expected))
        {
            Interlocked.CompareExchange(ref _lastEventTicks, Stopwatch.GetTimestamp(), 0);
        }
    }

    /// <summary>
    /// Runs right after each commit, on the committing thread, so the covering commit is timed
    /// exactly; polling instead would also count any commit that followed it before the next poll.
    /// Before every event is applied no commit can cover them, so the positions are only summed after.
    /// </summary>
    private void OnCheckpoint()
    {
        if (Interlocked.Read(ref _lastEventTicks) == 0 || _covered.Task.IsCompleted)
        {
            return;
        }

        var topic = Runtime.Topics.Events;
        if (Runtime.Partitions().Sum(p => p.Positions.GetValueOrDefault(topic)) >= Interlocked.Read(ref _expected)
            && Interlocked.CompareExchange(ref _coveredTicks, Stopwatch.GetTimestamp(), 0) == 0)
        {
            _covered.TrySetResult();
        }
    }
}
