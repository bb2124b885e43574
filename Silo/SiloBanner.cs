using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Runtime.Hosting;
using Silo.Hosting;

namespace Silo;

/// <summary>Tells the person who ran the silo where to find it.</summary>
internal static class SiloBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var runtime = app.Services.GetRequiredService<SiloRuntime>();
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var where = storage.UsePostgres ? "PostgreSQL" : $"SQLite file {Path.GetFullPath(storage.SqlitePath)}";
        var orleans = app.Services.GetRequiredService<ILocalSiloDetails>();
        foreach (var address in addresses)
        {
            Console.WriteLine($"Silo listening on {address} (cluster '{runtime.Cluster}', {runtime.Mode} mode, state in {where})");
            Console.WriteLine($"  health: {address}/health/ready   metrics: {address}/metrics   API: {address}/openapi/v1.json");
            Console.WriteLine($"  dashboards: {address}/dashboard/   {address}{OrleansSiloExtensions.DashboardPath}/");
        }

        // An IClusterClient in another process connects here (Grains.Client, or UseLocalhostClustering with this port).
        Console.WriteLine($"Orleans gateway at {orleans.GatewayAddress?.Endpoint}, silo at {orleans.SiloAddress.Endpoint} (service and cluster id '{runtime.Cluster}')");
    }
}
