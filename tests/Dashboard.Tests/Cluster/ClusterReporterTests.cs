using System.Net.Http.Json;
using Dashboard.Cluster;
using Dashboard.Tests.Hosting;
using TestInfrastructure;

namespace Dashboard.Tests.Cluster;

/// <summary>Two silos of one cluster in this process: each one's dashboard shows the other with its own figures.</summary>
public sealed class ClusterReporterTests
{
    [Fact]
    public async Task Cluster_TwoSilos_EachReportsThePeerWithItsFiguresAndPartitions()
    {
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?> { ["Api:Keys:ops:Key"] = adminKey, ["Api:Keys:ops:Role"] = "admin" };
        var cluster = RealServices.UniqueName("dash2");
        await using var first = await DashboardSilo.StartAsync(cluster, settings);
        await using var second = await DashboardSilo.StartAsync(cluster, settings);
        using var http = new HttpClient { BaseAddress = first.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", adminKey);

        ClusterReport? report = null;
        await Eventually.TrueAsync(
            async () =>
            {
                report = await http.GetFromJsonAsync("/dashboard/api/cluster", DashboardJsonContext.Default.ClusterReport);
                return report!.Silos.Count(s => s.Status == "active" && s.Reachable) == 2
                    && report.Partitions.Select(p => p.OwnerSiloId).Distinct().Count() == 2
                    && report.Partitions.All(p => p.Lag is not null);
            },
            DashboardSilo.Patience,
            "both silos reachable, owning partitions with lag reported");

        var peer = Assert.Single(report!.Silos, s => !s.IsSelf && s.Status == "active");
        Assert.Equal(second.Runtime.Identity!.SiloId, peer.SiloId);
        Assert.NotNull(peer.WorkingSetBytes);
        Assert.NotEmpty(peer.Partitions);
        Assert.All(peer.Partitions, p => Assert.Equal(peer.SiloId, p.OwnerSiloId));
        Assert.Equal(first.Runtime.PartitionCount, report.Partitions.Count);
    }
}
