using System.Globalization;
using Grains;
using Grains.Decisions;
using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Hosting;
using TestInfrastructure;

namespace Dashboard.Tests.Hosting;

/// <summary>A real silo with the grains and the dashboard inside the test process, on the shared Kafka and PostgreSQL.</summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    public static readonly TimeSpan Patience = InProcessSilo.Patience;
    private readonly WebApplication _app;

    private DashboardSilo(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The loopback URL the silo listens on.</summary>
    public Uri Address { get; }

    public IGrainFactory Grains => Get<IGrainFactory>();

    public SiloRuntime Runtime => Get<SiloRuntime>();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts a silo of <paramref name="cluster"/> with the dashboard; <paramref name="settings"/> add or override configuration keys.</summary>
    public static async Task<DashboardSilo> StartAsync(string cluster, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = InProcessSilo.Settings(cluster);
        configuration["Decisions:Seed"] = "42";
        configuration["Dashboard:SampleInterval"] = "00:00:00.250";
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var app = await InProcessSilo.StartAsync(
            configuration,
            builder =>
            {
                builder.Services.AddGrains(builder.Configuration);
                builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName);
                builder.Services.AddDashboard();
            },
            app =>
            {
                app.MapRuntimeEndpoints();
                app.MapDashboard();
            });
        return new DashboardSilo(app, InProcessSilo.AddressOf(app));
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

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
