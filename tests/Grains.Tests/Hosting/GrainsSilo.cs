using Grains.Decisions;
using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Hosting;
using TestInfrastructure;

namespace Grains.Tests.Hosting;

/// <summary>A real silo with this project's grains inside the test process, on the shared Kafka and PostgreSQL.</summary>
public sealed class GrainsSilo : IAsyncDisposable
{
    public static readonly TimeSpan Patience = InProcessSilo.Patience;
    private readonly WebApplication _app;

    private GrainsSilo(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public SiloRuntime Runtime => _app.Services.GetRequiredService<SiloRuntime>();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<GrainsSilo> StartAsync(string cluster, int seed = 42)
    {
        var configuration = InProcessSilo.Settings(cluster);
        configuration["Decisions:Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var app = await InProcessSilo.StartAsync(
            configuration,
            builder =>
            {
                builder.Services.AddGrains(builder.Configuration);
                builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName);
            },
            app => app.MapRuntimeEndpoints());
        return new GrainsSilo(app);
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
