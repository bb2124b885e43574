using Runtime.Hosting;
using Silo;
using TestInfrastructure;

namespace Api.Bench;

/// <summary>
/// The two servers under test, in this one process: a real silo (AddSilo: runtime, grains, API) on Kafka and
/// PostgreSQL, and a bare minimal-API app whose only endpoint returns a constant JSON body.
/// </summary>
internal sealed class BenchHosts : IAsyncDisposable
{
    private readonly WebApplication _silo;
    private readonly WebApplication _bare;

    private BenchHosts(WebApplication silo, WebApplication bare)
    {
        _silo = silo;
        _bare = bare;
    }

    public Uri SiloAddress => InProcessSilo.AddressOf(_silo);

    public Uri BareAddress => InProcessSilo.AddressOf(_bare);

    public static async Task<BenchHosts> StartAsync(string cluster)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(RealServices.Instance.ConfigurationKeys)
        {
            ["Cluster:Name"] = cluster,

            // As in Silo/appsettings.json: no per-request logging scope for request logs that are off anyway.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None",
        });
        builder.AddSilo();
        var silo = builder.Build();
        silo.MapSilo();
        await silo.StartAsync();
        var runtime = silo.Services.GetRequiredService<SiloRuntime>();
        await Eventually.TrueAsync(() => runtime.NotReadyReason is null, TimeSpan.FromSeconds(60), "silo ready");

        var bareBuilder = WebApplication.CreateSlimBuilder();
        bareBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        bareBuilder.Logging.ClearProviders();
        var bare = bareBuilder.Build();
        var body = new ConstantBody("bare", 1, "constant");
        bare.MapGet("/bare", () => TypedResults.Json(body, BenchJsonContext.Default.ConstantBody));
        await bare.StartAsync();
        return new BenchHosts(silo, bare);
    }

    /// <summary>Waits until the silo has applied every exposure a load left behind, so the next run starts from an idle pipeline.</summary>
    public Task WaitForIdleAsync()
    {
        var runtime = _silo.Services.GetRequiredService<SiloRuntime>();
        return Eventually.TrueAsync(() => runtime.Partitions().All(p => p.Lag == 0), TimeSpan.FromMinutes(5), "the silo catches up with the exposures");
    }

    public async ValueTask DisposeAsync()
    {
        await _bare.StopAsync();
        await _bare.DisposeAsync();
        await _silo.StopAsync();
        await _silo.DisposeAsync();
    }
}
