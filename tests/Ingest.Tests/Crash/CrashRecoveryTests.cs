using TestInfrastructure;
using Xunit.Abstractions;

namespace Ingest.Tests.Crash;

/// <summary>
/// Real silo processes on real Kafka and PostgreSQL, one of which is killed (SIGKILL) or frozen
/// (SIGSTOP) while records flow. The counting grain does not deduplicate event ids, so only the
/// commit protocol stands between a replay and a double count.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Events = 3000;
    private const int Keys = 200;
    private const int Targets = 20;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Ingest_SiloKilledWithSigkillUnderLoad_EveryEventAppliedExactlyOnce()
    {
        await using var cluster = await CrashCluster.CreateAsync(Events, Keys, Targets);
        var survivor = cluster.StartSilo("survivor");
        var victim = cluster.StartSilo("victim");
        await cluster.WaitReadyAsync(survivor, victim);
        await cluster.ConnectClientAsync();

        await cluster.ProduceWavesAsync(0, 1);
        var committed = await CommittedAsync(cluster, victim, 0);

        // The victim dies with some batches committed and the next ones in flight.
        var producing = cluster.ProduceWavesAsync(2, 3);
        await CommittedAsync(cluster, victim, committed);
        victim.KillHard();
        await producing;
        await cluster.ProduceWavesAsync(4, 4);
        await Eventually.TrueAsync(async () => await ClusterTables.ActiveSilosAsync(cluster.Name) == 1, CrashCluster.Patience, "Orleans declares the victim dead");
        var replacement = cluster.StartSilo("replacement");
        await cluster.ProduceWavesAsync(5, 5);
        await cluster.WaitReadyAsync(replacement);

        var totals = await CrashTotals.WaitSettledAsync(cluster, Settle);
        totals.AssertExact(cluster.Events);
    }

    [Fact]
    public async Task Ingest_PausedSiloLosesPartitions_CannotOverwriteNewOwner()
    {
        await using var cluster = await CrashCluster.CreateAsync(Events, Keys, Targets);
        var healthy = cluster.StartSilo("healthy");
        var zombie = cluster.StartSilo("zombie");
        await cluster.WaitReadyAsync(healthy, zombie);
        await cluster.ConnectClientAsync();

        await cluster.ProduceWavesAsync(0, 1);
        var committed = await CommittedAsync(cluster, zombie, 0);

        // Frozen mid-stream, the zombie holds batches it will try to finish and commit when it wakes.
        var producing = cluster.ProduceWavesAsync(2, 3);
        await CommittedAsync(cluster, zombie, committed);
        zombie.Signal(19);
        await producing;
        await Eventually.TrueAsync(
            async () => await ClusterTables.OwnedByAsync(cluster.Name, cluster.Topic, healthy.ProcessId) == CrashCluster.Partitions
                && await ClusterTables.ActiveSilosAsync(cluster.Name) == 1,
            CrashCluster.Patience,
            "the healthy silo owns every partition and Orleans declares the zombie dead");
        zombie.Signal(18);
        await cluster.ProduceWavesAsync(4, 5);

        var totals = await CrashTotals.WaitSettledAsync(cluster, Settle);
        totals.AssertExact(cluster.Events);

        // Woken, the zombie finishes its batch and tries to commit it under its old epoch. (Before
        // Orleans stops it, it may also rejoin the consumer group and briefly own partitions again.)
        await Eventually.TrueAsync(() => ReadLog(zombie).Contains("is stale", StringComparison.Ordinal), CrashCluster.Patience, $"the zombie's commit is fenced (log: {zombie.LogPath})");
        output.WriteLine($"zombie exited: {zombie.HasExited}");
    }

    /// <summary>The silo's log so far; the silo may still be writing it.</summary>
    private static string ReadLog(SiloProcess silo)
    {
        using var stream = new FileStream(silo.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Waits until the silo's partitions have committed more than <paramref name="before"/> records; returns how many.</summary>
    private static async Task<long> CommittedAsync(CrashCluster cluster, SiloProcess silo, long before)
    {
        long now = 0;
        await Eventually.TrueAsync(
            async () => (now = await ClusterTables.CommittedByAsync(cluster.Name, cluster.Topic, silo.ProcessId)) > before,
            CrashCluster.Patience,
            $"{silo.LogPath} commits past {before}");
        return now;
    }
}
