using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var configuration = new Dictionary<string, string?>
        {
            ["Cluster:Name"] = cluster,
            ["Runtime:CheckpointInterval"] = "00:00:00.200",
            ["Runtime:HeartbeatInterval"] = "00:00:00.500",
            ["Kafka:SessionTimeout"] = "00:00:06",
        };
        if (embedded)
        {
            // Blank, not absent: the environment of a test run carries the cluster settings.
            configuration["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), cluster + ".db");
            configuration["Kafka:BootstrapServers"] = "";
            configuration["ConnectionStrings:Postgres"] = "";
        }
        else
        {
            foreach (var (key, value) in RealServices.Instance.ConfigurationKeys)
            {
                configuration[key] = value;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddGrainRuntime(builder.Configuration)
            .AddJsonContext(TestGrainsJsonContext.Default)
            .AddGrain<ICounterGrain, CounterGrain>()
            .AddGrain<ITotalGrain, TotalGrain>()
            .AddMessage<ITotalGrain, CounterDelta>("counter-delta", TestGrainsJsonContext.Default.CounterDelta, CounterDelta.Combine)
            .AddSnapshot<ITotalGrain, TotalSnapshot>(TestGrainsJsonContext.Default.TotalSnapshot)
            .AddEventStream<ICounterGrain, CounterEvent>(_ => new CounterEventDecoder());
        builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName);
        var app = builder.Build();
        app.MapRuntimeEndpoints();
        await app.StartAsync();
        var silo = new TestSilo(app);
        await Eventually.TrueAsync(() => silo.Runtime.NotReadyReason is null, TimeSpan.FromSeconds(60), $"silo of {cluster} ready (last: {silo.Runtime.NotReadyReason})");
        return silo;
    }

    /// <summary>Stops gracefully: the silo leaves the group and checkpoints its partitions.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
