using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Storage.Hosting;

namespace Silo.Hosting;

/// <summary>Co-hosts a Microsoft Orleans silo, with its dashboard, in the ASP.NET Core process (<c>UseOrleans</c>).</summary>
public static class OrleansSiloExtensions
{
    /// <summary>Where the Orleans Dashboard is mounted; the project's own page is at <c>/dashboard/</c>.</summary>
    public const string DashboardPath = "/orleans";

    public const string AdvertisedAddressKey = "Orleans:Endpoints:AdvertisedIPAddress";

    /// <summary>
    /// Adds the silo. <c>Cluster:Name</c> is both its cluster id and its service id, so clusters and
    /// test runs sharing a database or a machine never join each other. Its ports come from
    /// <see cref="SiloPorts"/>. With <c>ConnectionStrings:Postgres</c> and <c>Kafka:BootstrapServers</c>
    /// set, membership is Orleans' ADO.NET clustering on PostgreSQL; otherwise the silo is a cluster
    /// of one (localhost clustering). Grain state goes through the project's storage
    /// (<see cref="ProductStorageSiloBuilderExtensions.AddProductStorage"/>), whose schema
    /// migrations run before clustering starts.
    /// </summary>
    public static WebApplicationBuilder AddOrleansSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var cluster = configuration[$"{Runtime.Hosting.ClusterOptions.SectionName}:Name"] ?? new Runtime.Hosting.ClusterOptions().Name;
        var ports = SiloPorts.Resolve(configuration);
        var postgres = configuration.GetConnectionString("Postgres");
        var clusterMode = !string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(configuration["Kafka:BootstrapServers"]);
        builder.UseOrleans(silo =>
        {
            silo.AddProductStorage(configuration);
            if (clusterMode)
            {
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = postgres;
                });
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = cluster;
                    options.ServiceId = cluster;
                });
                silo.Configure<EndpointOptions>(options =>
                {
                    options.SiloPort = ports.Silo;
                    options.GatewayPort = ports.Gateway;

                    // A silo that serves HTTP on loopback only is one of a cluster on this machine:
                    // its peers reach it on loopback too, whatever addresses the host has.
                    if (configuration[AdvertisedAddressKey] is null && ServesLoopbackOnly(configuration["urls"]))
                    {
                        options.AdvertisedIPAddress = IPAddress.Loopback;
                    }
                });
            }
            else
            {
                silo.UseLocalhostClustering(ports.Silo, ports.Gateway, serviceId: cluster, clusterId: cluster);
            }

            silo.AddDashboard();
        });
        builder.Services.AddHealthChecks().AddCheck<OrleansSiloHealthCheck>("orleans-silo", tags: ["ready"]);
        return builder;
    }

    // Without urls, Kestrel listens on localhost:5000.
    private static bool ServesLoopbackOnly(string? urls) =>
        SiloPorts.ListenUrls(urls ?? "http://localhost:5000") is { Count: > 0 } listen
        && listen.All(uri => uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}
