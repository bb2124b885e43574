using Grains.Decisions;
using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Hosting;
using TestInfrastructure;

namespace Grains.Tests.Hosting;

/// <summary>A real silo with this project's grains inside the test process, on the shared Kafka and PostgreSQL.</summary>
public sealed class GrainsSilo : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly WebApplication _app;

    private GrainsSilo(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public SiloRuntime Runtime => _app.Services.GetRequiredService<SiloRuntime>();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<GrainsSilo> StartAsync(string cluster, int seed = 42)
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
            ["Decisions:Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in RealServices.Instance.ConfigurationKeys)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddGrains(builder.Configuration);
        builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName);
        var app = builder.Build();
        app.MapRuntimeEndpoints();
        await app.StartAsync();
        var silo = new GrainsSilo(app);
        await Eventually.TrueAsync(() => silo.Runtime.NotReadyReason is null, Patience, $"silo of {cluster} ready (last: {silo.Runtime.NotReadyReason})");
        return silo;
    }

    /// <summary>Appends events to their users' partitions of the events topic and waits for the log's acknowledgement.</summary>
    public async Task ProduceAsync(IEnumerable<InteractionEvent> events)
    {
        var log = Get<ExposureLog>();
        foreach (var interaction in events)
        {
            log.Append(interaction);
        }

        await Runtime.Producer.FlushAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
