using TestInfrastructure;

namespace Silo.Tests;

/// <summary>The README's first command: a silo with no external service, state in a SQLite file.</summary>
public sealed class EmbeddedSiloTests
{
    [Fact]
    public async Task SiloWithoutKafkaOrPostgres_StartsEmbeddedAndServesHealthAndMetrics()
    {
        var database = Path.Combine(Path.GetTempPath(), RealServices.UniqueName("embedded") + ".db");
        var environment = new Dictionary<string, string?>
        {
            ["Kafka__BootstrapServers"] = null,
            ["ConnectionStrings__Postgres"] = null,
            ["Storage__SqlitePath"] = database,
        };
        using var probe = new ClusterProbe();
        using (var silo = SiloProcess.Start(environment, "embedded"))
        {
            await Eventually.TrueAsync(() => probe.IsReadyAsync(silo), TimeSpan.FromSeconds(60), $"embedded silo ready (log: {silo.LogPath})");

            Assert.Equal(8, await probe.MetricAsync(silo, "runtime_partitions_owned"));
            Assert.Equal(0, (await probe.FeaturesAsync(silo, "nobody")).TotalEvents);
            Assert.Contains("embedded mode", await File.ReadAllTextAsync(silo.LogPath), StringComparison.Ordinal);
        }

        Assert.True(File.Exists(database));
        File.Delete(database);
    }
}
