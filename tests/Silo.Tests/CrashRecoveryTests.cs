using Confluent.Kafka;
using TestInfrastructure;

namespace Silo.Tests;

/// <summary>
/// Two real silo processes consume a stream of known events while one of them crashes (SIGKILL) or
/// freezes past its session timeout (SIGSTOP). Every user's totals must come out exact: no event
/// lost, none applied twice, whichever partitioner the producers used.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Users = 200;
    private const int EventsPerUser = 60;
    private const int Waves = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillMinus9_OneOfTwoSilosMidStream_SurvivorTakesOverWithExactTotals()
    {
        var cluster = RealServices.UniqueName("crash");
        using var probe = new ClusterProbe();
        var environment = ClusterProbe.SiloEnvironment(cluster, ("Runtime__CheckpointInterval", "00:00:00.500"));
        using var survivor = SiloProcess.Start(environment, "survivor");
        using var victim = SiloProcess.Start(environment, "victim");
        await WaitForSplitAsync(probe, survivor, victim);

        await ProduceWavesAsync(cluster, firstWave: 0, lastWave: 1);

        // The victim dies holding both kinds of progress: some committed, and a wave applied but not yet checkpointed.
        await Eventually.TrueAsync(async () => await probe.MetricAsync(victim, "runtime_checkpoints_total") > 0, Patience, $"the victim commits a checkpoint (log: {victim.LogPath})");
        var applied = await probe.MetricAsync(victim, "runtime_events_processed_total");
        await ProduceWavesAsync(cluster, firstWave: 2, lastWave: 2);
        await Eventually.TrueAsync(async () => await probe.MetricAsync(victim, "runtime_events_processed_total") > applied, Patience, "the victim applies the next wave");
        victim.KillHard();
        await ProduceWavesAsync(cluster, firstWave: 3, lastWave: Waves - 1);

        await AssertExactTotalsAsync(probe, survivor);
        Assert.Equal(8, await probe.MetricAsync(survivor, "runtime_partitions_owned"));
    }

    [Fact]
    public async Task SigStop_SiloFrozenPastSessionTimeout_IsFencedOnWakeAndTotalsStayExact()
    {
        var cluster = RealServices.UniqueName("freeze");
        using var probe = new ClusterProbe();

        // A long interval keeps the frozen silo holding unsaved changes, which it tries to commit when it wakes.
        var environment = ClusterProbe.SiloEnvironment(cluster, ("Runtime__CheckpointInterval", "00:00:05"));
        using var healthy = SiloProcess.Start(environment, "healthy");
        using var zombie = SiloProcess.Start(environment, "zombie");
        await WaitForSplitAsync(probe, healthy, zombie);

        await ProduceWavesAsync(cluster, firstWave: 0, lastWave: 1);
        await Eventually.TrueAsync(async () => await probe.MetricAsync(zombie, "runtime_events_processed_total") > 0, Patience, $"the zombie applies events (log: {zombie.LogPath})");
        zombie.Signal(19);
        await ProduceWavesAsync(cluster, firstWave: 2, lastWave: 3);
        await Eventually.TrueAsync(async () => await probe.MetricAsync(healthy, "runtime_partitions_owned") == 8, Patience, "the healthy silo takes every partition over");
        zombie.Signal(18);
        await ProduceWavesAsync(cluster, firstWave: 4, lastWave: Waves - 1);

        await Eventually.TrueAsync(
            async () => await probe.MetricAsync(zombie, "runtime_checkpoint_failures_total", "fenced") >= 1,
            Patience,
            $"the woken zombie is fenced (log: {zombie.LogPath})");
        await AssertExactTotalsAsync(probe, healthy, zombie);
    }

    private static async Task WaitForSplitAsync(ClusterProbe probe, SiloProcess first, SiloProcess second)
    {
        await Eventually.TrueAsync(async () => await probe.IsReadyAsync(first) && await probe.IsReadyAsync(second), Patience, $"both silos ready (logs: {first.LogPath}, {second.LogPath})");
        await Eventually.TrueAsync(
            async () => await probe.MetricAsync(first, "runtime_partitions_owned") > 0 && await probe.MetricAsync(second, "runtime_partitions_owned") > 0,
            Patience,
            "both silos own partitions");
    }

    /// <summary>Each wave sends EventsPerUser/Waves events per user, half through each kind of partitioner.</summary>
    private static async Task ProduceWavesAsync(string cluster, int firstWave, int lastWave)
    {
        using var aligned = ClusterProbe.Producer(javaPartitioner: true);
        using var foreign = ClusterProbe.Producer(javaPartitioner: false);
        var perWave = EventsPerUser / Waves;
        for (var wave = firstWave; wave <= lastWave; wave++)
        {
            for (var user = 0; user < Users; user++)
            {
                var userId = $"user-{user}";
                var producer = user % 2 == 0 ? aligned : foreign;
                for (var i = 1; i <= perWave; i++)
                {
                    var sequence = (wave * perWave) + i;
                    producer.Produce($"{cluster}.events", new Message<string, string> { Key = userId, Value = ClusterProbe.EventJson(userId, sequence) });
                }
            }

            aligned.Flush(TimeSpan.FromSeconds(30));
            foreign.Flush(TimeSpan.FromSeconds(30));
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// Every user's totals must come out exact. A woken zombie rejoins the group after it was fenced
    /// and may own partitions again, so each user is read from whichever silo owns it now. Ownership
    /// can move between any two reads, so the assertions run on one complete read of every user.
    /// </summary>
    private static async Task AssertExactTotalsAsync(ClusterProbe probe, SiloProcess silo, params SiloProcess[] others)
    {
        var userIds = Enumerable.Range(0, Users).Select(u => $"user-{u}").ToList();
        var totals = new Dictionary<string, Grains.Interfaces.Users.UserFeatures>(StringComparer.Ordinal);
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    foreach (var userId in userIds)
                    {
                        var features = await FeaturesAsync(probe, userId, silo, others);
                        if (features.TotalEvents < EventsPerUser)
                        {
                            return false;
                        }

                        totals[userId] = features;
                    }

                    return true;
                }
                catch (HttpRequestException)
                {
                    // 503 not-owner while partitions move between the silos.
                    return false;
                }
            },
            Patience,
            $"every user reaches {EventsPerUser} events (log: {silo.LogPath})");

        const double ExpectedSum = EventsPerUser * (EventsPerUser + 1) / 2.0;
        Assert.Equal(Users, totals.Count);
        foreach (var (userId, features) in totals)
        {
            Assert.True(features.TotalEvents == EventsPerUser, $"{userId}: {features.TotalEvents} events");
            Assert.True(features.ValueSum == ExpectedSum, $"{userId}: value sum {features.ValueSum}");
        }
    }

    private static async Task<Grains.Interfaces.Users.UserFeatures> FeaturesAsync(ClusterProbe probe, string userId, SiloProcess silo, SiloProcess[] others)
    {
        foreach (var candidate in others)
        {
            try
            {
                return await probe.FeaturesAsync(candidate, userId);
            }
            catch (HttpRequestException)
            {
                // Not the owner (503) or not reachable: try the next silo.
            }
        }

        return await probe.FeaturesAsync(silo, userId);
    }
}
