using System.Globalization;
using Grains;
using Grains.Decisions;
using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Hosting;
using TestInfrastructure;

namespace Dashboard.Tests.Hosting;

/// <summary>A real silo with the grains and the dashboard inside the test process, on the shared Kafka and PostgreSQL.</summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var configuration = new Dictionary<string, string?>
        {
            ["Cluster:Name"] = cluster,
            ["Runtime:CheckpointInterval"] = "00:00:00.200",
            ["Runtime:HeartbeatInterval"] = "00:00:00.500",
            ["Kafka:SessionTimeout"] = "00:00:06",
            ["Decisions:Seed"] = "42",
            ["Dashboard:SampleInterval"] = "00:00:00.250",
        };
        foreach (var (key, value) in RealServices.Instance.ConfigurationKeys)
        {
            configuration[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddGrains(builder.Configuration);
        builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName);
        builder.Services.AddDashboard();
        var app = builder.Build();
        app.MapRuntimeEndpoints();
        app.MapDashboard();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var silo = new DashboardSilo(app, address);
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

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
