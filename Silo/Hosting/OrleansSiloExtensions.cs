using Orleans.Dashboard;

namespace Silo.Hosting;

/// <summary>Co-hosts a Microsoft Orleans silo, with its dashboard, in the ASP.NET Core process (<c>UseOrleans</c>).</summary>
public static class OrleansSiloExtensions
{
    /// <summary>Where the Orleans Dashboard is mounted; the project's own page is at <c>/dashboard/</c>.</summary>
    public const string DashboardPath = "/orleans";

    /// <summary>
    /// Adds the silo. <c>Cluster:Name</c> is both its cluster id and its service id, so clusters and
    /// test runs sharing a database or a machine never join each other. Its ports come from
    /// <see cref="SiloPorts"/>.
    /// </summary>
    public static WebApplicationBuilder AddOrleansSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = builder.Configuration[$"{Runtime.Hosting.ClusterOptions.SectionName}:Name"] ?? new Runtime.Hosting.ClusterOptions().Name;
        var ports = SiloPorts.Resolve(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            // Localhost clustering for now, in both modes: no product grain runs on Orleans yet, so a
            // cluster-mode silo is a cluster of one until membership moves to PostgreSQL.
            silo.UseLocalhostClustering(ports.Silo, ports.Gateway, serviceId: cluster, clusterId: cluster);
            silo.AddDashboard();
        });
        return builder;
    }
}
