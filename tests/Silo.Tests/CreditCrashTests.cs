using System.Text.Json;
using Confluent.Kafka;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using TestInfrastructure;

namespace Silo.Tests;

/// <summary>
/// Exposures and rewards flow from user grains to an experiment grain as durable messages, combined
/// per partition. With one of two silos killed mid-stream, every decision must still count exactly
/// once as a trial, and at most once as a success.
/// </summary>
public sealed class CreditCrashTests
{
    private const int Users = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KillMinus9_DuringExposuresAndRewards_ExperimentCountsEachDecisionOnce()
    {
        var cluster = RealServices.UniqueName("credits");
        using var probe = new ClusterProbe();
        var environment = ClusterProbe.SiloEnvironment(cluster, ("Runtime__CheckpointInterval", "00:00:00.500"));
        using var survivor = SiloProcess.Start(environment, "survivor");
        using var victim = SiloProcess.Start(environment, "victim");
        await Eventually.TrueAsync(async () => await probe.IsReadyAsync(survivor) && await probe.IsReadyAsync(victim), Patience, "both silos ready");
        await Eventually.TrueAsync(async () => await probe.MetricAsync(victim, "runtime_partitions_owned") > 0, Patience, "the victim owns partitions");
        await DefineAsync(probe, [survivor, victim], "crash-exp");

        var now = DateTimeOffset.UtcNow;
        var converters = Enumerable.Range(0, Users).Where(u => u % 3 != 0).ToList();
        using var producer = ClusterProbe.Producer(javaPartitioner: true);
        Produce(producer, cluster, Enumerable.Range(0, Users / 2).Select(u => Exposure(u, now)));
        await Eventually.TrueAsync(async () => await probe.MetricAsync(victim, "runtime_messages_sent_total") > 0, Patience, $"the victim sends credits (log: {victim.LogPath})");

        // The victim dies with credits committed, in flight and not yet checkpointed.
        Produce(producer, cluster, Enumerable.Range(Users / 2, Users / 2).Select(u => Exposure(u, now)));
        Produce(producer, cluster, converters.Take(converters.Count / 2).Select(u => Conversion(u, "a", now.AddSeconds(1))));
        victim.KillHard();
        Produce(producer, cluster, converters.Skip(converters.Count / 2).Select(u => Conversion(u, "a", now.AddSeconds(1))));

        // Retries and repeats: a resent exposure (same eventId) and a second conversion must change nothing.
        Produce(producer, cluster, Enumerable.Range(0, Users).Where(u => u % 5 == 0).Select(u => Exposure(u, now)));
        Produce(producer, cluster, converters.Where(u => u % 7 == 0).Select(u => Conversion(u, "b", now.AddSeconds(2))));

        ExperimentResults? results = null;
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    results = await probe.CallGrainAsync(survivor, "experiment", "crash-exp", "GetResultsAsync", "[]", GrainsJsonContext.Default.ExperimentResults);
                    return results!.Variants.Sum(v => v.Exposures) >= Users && results.Variants.Sum(v => v.Conversions) >= converters.Count;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            Patience,
            $"all credits arrive (log: {survivor.LogPath})");

        Assert.Equal(Users, results!.Variants.Sum(v => v.Exposures));
        Assert.Equal(converters.Count, results.Variants.Sum(v => v.Conversions));
        Assert.Equal(Enumerable.Range(0, Users).Count(u => u % 2 == 0), results.Variants.Single(v => v.Name == "control").Exposures);
        Assert.Equal(converters.Count(u => u % 2 == 0), results.Variants.Single(v => v.Name == "control").Conversions);
    }

    private static async Task DefineAsync(ClusterProbe probe, SiloProcess[] silos, string id)
    {
        var definition = new ExperimentDefinition
        {
            Id = id,
            Type = ExperimentTypes.Ab,
            Variants = [new VariantDefinition { Name = "control", Weight = 0.5 }, new VariantDefinition { Name = "treatment", Weight = 0.5 }],
            AttributionWindowSeconds = 3600,
        };
        var arguments = "[" + JsonSerializer.Serialize(definition, GrainsJsonContext.Default.ExperimentDefinition) + "]";
        await Eventually.TrueAsync(
            async () =>
            {
                // The grain-call endpoint answers 503 not-owner on the silo that does not own the grain.
                foreach (var silo in silos)
                {
                    try
                    {
                        return (await probe.CallGrainAsync(silo, "experiment", id, "DefineAsync", arguments, GrainsJsonContext.Default.ExperimentDefinition))?.Version >= 1;
                    }
                    catch (HttpRequestException)
                    {
                    }
                }

                return false;
            },
            Patience,
            "the experiment is defined");
    }

    /// <summary>The exposure a decision logs: variant by user parity, so the expected split is known.</summary>
    private static InteractionEvent Exposure(int user, DateTimeOffset at) => new()
    {
        EventId = $"d-{user}:crash-exp",
        UserId = $"u-{user}",
        Type = "exposure",
        Timestamp = at,
        Properties = new Dictionary<string, string>
        {
            ["experimentId"] = "crash-exp",
            ["variant"] = user % 2 == 0 ? "control" : "treatment",
            ["decisionId"] = $"d-{user}",
            ["propensity"] = "0.5",
            ["rewardEventType"] = "conversion",
            ["rewardKind"] = "binary",
            ["attributionWindowSeconds"] = "3600",
        },
    };

    private static InteractionEvent Conversion(int user, string attempt, DateTimeOffset at) =>
        new() { EventId = $"conv-{user}-{attempt}", UserId = $"u-{user}", Type = "conversion", Timestamp = at };

    private static void Produce(IProducer<string, string> producer, string cluster, IEnumerable<InteractionEvent> events)
    {
        foreach (var interaction in events)
        {
            producer.Produce($"{cluster}.events", new Message<string, string> { Key = interaction.UserId, Value = JsonSerializer.Serialize(interaction, GrainsJsonContext.Default.InteractionEvent) });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
    }
}
