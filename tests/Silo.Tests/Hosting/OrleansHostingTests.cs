using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using TestInfrastructure;

namespace Silo.Tests.Hosting;

/// <summary>The README's first command hosts a real Orleans silo that other .NET processes reach through their own IClusterClient.</summary>
public sealed class OrleansHostingTests
{
    [Fact]
    public async Task EmbeddedSilo_ConfiguredGatewayPort_AcceptsOutsideClusterClientAndServesOrleansDashboard()
    {
        var cluster = RealServices.UniqueName("orleans");
        var gatewayPort = SiloProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["Kafka__BootstrapServers"] = null,
            ["ConnectionStrings__Postgres"] = null,
            ["Cluster__Name"] = cluster,
            ["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), cluster + ".db"),
            ["Orleans__Endpoints__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var probe = new ClusterProbe();
        using var silo = SiloProcess.Start(environment, "orleans");
        await Eventually.TrueAsync(() => probe.IsReadyAsync(silo), TimeSpan.FromSeconds(60), $"silo ready (log: {silo.LogPath})");

        using var client = await ConnectAsync(gatewayPort, cluster);
        var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        var host = Assert.Single(hosts);
        Assert.Equal(SiloStatus.Active, host.Value);
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(silo.Address, "/orleans/"));
        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
        Assert.Contains($"Orleans gateway at 127.0.0.1:{gatewayPort}", await File.ReadAllTextAsync(silo.LogPath), StringComparison.Ordinal);
        Assert.True(await probe.MetricAsync(silo, "orleans_gateway_connected_clients") >= 1, "the Orleans meter is exported at /metrics");
    }

    [Fact]
    public async Task ClusterModeSilos_SameClusterName_FormOneOrleansClusterThroughPostgres()
    {
        var cluster = RealServices.UniqueName("orleans-pg");
        var environment = ClusterProbe.SiloEnvironment(cluster);
        using var probe = new ClusterProbe();
        using var first = SiloProcess.Start(environment, "pg-a");
        using var second = SiloProcess.Start(environment, "pg-b");
        await Eventually.TrueAsync(() => probe.IsReadyAsync(first), TimeSpan.FromSeconds(90), $"first silo ready (log: {first.LogPath})");
        await Eventually.TrueAsync(() => probe.IsReadyAsync(second), TimeSpan.FromSeconds(90), $"second silo ready (log: {second.LogPath})");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = RealServices.Instance.PostgresConnectionString;
            })
            .Configure<Orleans.Configuration.ClusterOptions>(options =>
            {
                options.ClusterId = cluster;
                options.ServiceId = cluster;
            }));
        using var client = builder.Build();
        await client.StartAsync();
        var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        Dictionary<SiloAddress, SiloStatus> hosts = [];
        await Eventually.TrueAsync(
            async () => (hosts = await management.GetHosts(onlyActive: true)).Count == 2,
            TimeSpan.FromSeconds(60),
            "both silos active in one cluster");

        Assert.All(hosts.Keys, silo => Assert.True(System.Net.IPAddress.IsLoopback(silo.Endpoint.Address), $"{silo} advertises loopback, as its HTTP does"));
    }

    private static async Task<IHost> ConnectAsync(int gatewayPort, string cluster)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId: cluster, clusterId: cluster));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
