using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runtime.Diagnostics;
using Runtime.Hosting;
using Silo;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>The real silo composition (AddSilo), hosted in the benchmark process.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MeterListener _listener = new();
    private long _firstEventTicks;
    private TimeSpan _firstEventCpu;
    private long _firstEventJitMethods;
    private TimeSpan _firstEventJitTime;
    private TimeSpan _firstEventGcPause;
    private int _firstEventGcs;
    private long _firstEventAllocated;

    private BenchSilo(WebApplication app)
    {
        _app = app;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeInstruments.MeterName && instrument.Name == "runtime.events.processed")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) =>
        {
            if (Interlocked.Read(ref _firstEventTicks) == 0 && Interlocked.CompareExchange(ref _firstEventTicks, Stopwatch.GetTimestamp(), 0) == 0)
            {
                _firstEventCpu = Process.GetCurrentProcess().TotalProcessorTime;
                _firstEventJitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
                _firstEventJitTime = System.Runtime.JitInfo.GetCompilationTime();
                _firstEventGcPause = GC.GetTotalPauseDuration();
                _firstEventGcs = GC.CollectionCount(0);
                _firstEventAllocated = GC.GetTotalAllocatedBytes();
            }
        });
        _listener.Start();
    }

    public SiloRuntime Runtime => _app.Services.GetRequiredService<SiloRuntime>();

    public static async Task<BenchSilo> StartAsync(string cluster, RealServices services)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>(services.ConfigurationKeys) { ["Cluster:Name"] = cluster };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSilo();
        var app = builder.Build();
        app.MapSilo();
        await app.StartAsync();
        var silo = new BenchSilo(app);
        await Eventually.TrueAsync(() => silo.Runtime.NotReadyReason is null, TimeSpan.FromSeconds(60), "silo ready");
        return silo;
    }

    /// <summary>
    /// Time from the first applied event until checkpoints cover <paramref name="events"/> records,
    /// the CPU the process used meanwhile (all threads: consumer, processors, GC, JIT, librdkafka),
    /// and what the JIT and the GC did meanwhile.
    /// </summary>
    public async Task<PipelineRun> MeasureAsync(int events)
    {
        var topic = Runtime.Topics.Events;
        var covered = TimeSpan.Zero;
        await Eventually.TrueAsync(
            () =>
            {
                var partitions = Runtime.Partitions();
                var polled = Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstEventTicks));
                if (partitions.Sum(p => p.Positions.GetValueOrDefault(topic)) < events)
                {
                    return false;
                }

                // The last commit ended when the youngest checkpoint was taken, not when this poll (up to 200 ms later) saw it.
                covered = polled - partitions.Min(p => p.CheckpointAge);
                return true;
            },
            TimeSpan.FromMinutes(5),
            "the silo checkpoints every event");
        return new PipelineRun(
            covered,
            Process.GetCurrentProcess().TotalProcessorTime - _firstEventCpu,
            System.Runtime.JitInfo.GetCompiledMethodCount() - _firstEventJitMethods,
            System.Runtime.JitInfo.GetCompilationTime() - _firstEventJitTime,
            GC.CollectionCount(0) - _firstEventGcs,
            GC.GetTotalPauseDuration() - _firstEventGcPause,
            GC.GetTotalAllocatedBytes() - _firstEventAllocated);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
