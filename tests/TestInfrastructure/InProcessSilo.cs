using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runtime.Hosting;

namespace TestInfrastructure;

/// <summary>
/// Starts a silo inside the test process: its own web server on a loopback port, the composition
/// the test project gives, and the settings every test silo shares. The test projects' silo hosts
/// differ only in what they compose and map.
/// </summary>
public static class InProcessSilo
{
    /// <summary>How long a test waits for a silo to become ready.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Fast checkpoints and heartbeats and a short Kafka session, so tests see durability and
    /// rebalances within seconds. A cluster silo uses the shared Kafka and PostgreSQL; an embedded one
    /// its in-process log and a fresh SQLite file.
    /// </summary>
    public static Dictionary<string, string?> Settings(string cluster, bool embedded = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Name"] = cluster,
            ["Runtime:CheckpointInterval"] = "00:00:00.200",
            ["Runtime:HeartbeatInterval"] = "00:00:00.500",
            ["Kafka:SessionTimeout"] = "00:00:06",
        };
        if (embedded)
        {
            // Blank, not absent: the environment of a test run carries the cluster settings.
            settings["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), cluster + ".db");
            settings["Kafka:BootstrapServers"] = "";
            settings["ConnectionStrings:Postgres"] = "";
        }
        else
        {
            foreach (var (key, value) in RealServices.Instance.ConfigurationKeys)
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>Builds the silo from <paramref name="settings"/>, composes and maps it, starts it and waits until it is ready.</summary>
    public static async Task<WebApplication> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder> compose, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(compose);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        compose(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var runtime = app.Services.GetRequiredService<SiloRuntime>();
        var cluster = app.Configuration["Cluster:Name"];
        await Eventually.TrueAsync(() => runtime.NotReadyReason is null, Patience, $"silo of {cluster} ready (last: {runtime.NotReadyReason})");
        return app;
    }

    /// <summary>The loopback URL the started silo listens on.</summary>
    public static Uri AddressOf(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
