using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runtime.Hosting;
using Silo;
using TestInfrastructure;

namespace Api.Tests.Hosting;

/// <summary>
/// A silo with the API inside the test process, in embedded mode (in-process log, a fresh SQLite file),
/// on a loopback port. Development environment on purpose: even there no stack trace may leave the server.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string ServiceKey = "service-key-0123456789";
    public const string AdminKey = "admin-key-0123456789abcdef";
    public static readonly TimeSpan Patience = InProcessSilo.Patience;

    private readonly WebApplication _app;
    private readonly string _database;

    private ApiHost(WebApplication app, string database, Uri address, ListLoggerProvider logs)
    {
        _app = app;
        _database = database;
        Address = address;
        Logs = logs;
    }

    public Uri Address { get; }

    public ListLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The settings that give the host a service and an admin key.</summary>
    public static Dictionary<string, string?> WithKeys() => new()
    {
        ["Api:Keys:orders:Key"] = ServiceKey,
        ["Api:Keys:orders:Role"] = "service",
        ["Api:Keys:ops:Key"] = AdminKey,
        ["Api:Keys:ops:Role"] = "admin",
    };

    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplication>? map = null)
    {
        var (app, database, logs) = Build(settings);
        map?.Invoke(app);
        await app.StartAsync();
        var address = InProcessSilo.AddressOf(app);
        var host = new ApiHost(app, database, address, logs);
        var runtime = app.Services.GetRequiredService<SiloRuntime>();
        await Eventually.TrueAsync(() => runtime.NotReadyReason is null, Patience, "embedded silo ready");
        return host;
    }

    /// <summary>Builds (without starting) a silo host; the caller owns the app.</summary>
    public static (WebApplication App, string Database, ListLoggerProvider Logs) Build(IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Warning);
        var database = Path.Combine(Path.GetTempPath(), RealServices.UniqueName("api") + ".db");
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Cluster:Name"] = RealServices.UniqueName("api"),
            ["Kafka:BootstrapServers"] = "",
            ["ConnectionStrings:Postgres"] = "",
            ["Storage:SqlitePath"] = database,
            ["Runtime:CheckpointInterval"] = "00:00:00.200",
            ["Decisions:Seed"] = "42",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddSilo();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapSilo();
        return (app, database, logs);
    }

    public HttpClient Client(string? key = null, bool bearer = false)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = Patience };
        if (key is not null && bearer)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        else if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }
}
