using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Hosting;

/// <summary>
/// A real silo inside the test process: its own web server on a loopback port, the real runtime,
/// and the test grains. Cluster mode uses the shared Kafka and PostgreSQL; embedded mode uses the
/// in-process log and a SQLite file.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSilo(WebApplication app)
    {
        _app = app;
    }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public SiloRuntime Runtime => _app.Services.GetRequiredService<SiloRuntime>();

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a silo of <paramref name="cluster"/> and waits until it is ready.</summary>
    public static async Task<TestSilo> StartAsync(string cluster, bool embedded = false, IDictionary<string, string?>? settings = null)
    {
        var configuration = InProcessSilo.Settings(cluster, embedded);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = await InProcessSilo.StartAsync(
            configuration,
            builder =>
            {
                builder.Services.AddGrainRuntime(builder.Configuration)
                    .AddJsonContext(TestGrainsJsonContext.Default)
                    .AddGrain<ICounterGrain, CounterGrain>()
                    .AddGrain<ITotalGrain, TotalGrain>()
                    .AddMessage<ITotalGrain, CounterDelta>("counter-delta", TestGrainsJsonContext.Default.CounterDelta, CounterDelta.Combine)
                    .AddSnapshot<ITotalGrain, TotalSnapshot>(TestGrainsJsonContext.Default.TotalSnapshot)
                    .AddEventStream<ICounterGrain, CounterEvent>(_ => new CounterEventDecoder());
                builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName);
            },
            app => app.MapRuntimeEndpoints());
        return new TestSilo(app);
    }

    /// <summary>Stops gracefully: the silo leaves the group and checkpoints its partitions.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
