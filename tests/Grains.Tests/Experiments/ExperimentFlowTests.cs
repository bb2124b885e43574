using System.Text.Json;
using Experimentation.Targeting;
using Grains.Decisions;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Users;
using Grains.Tests.Hosting;
using Runtime.Abstractions;
using Runtime.Hosting;
using TestInfrastructure;

namespace Grains.Tests.Experiments;

public sealed class ExperimentFlowTests
{
    [Fact]
    public async Task Decide_ExposureThenConversions_ResultsCountEachDecisionOnce()
    {
        var cluster = RealServices.UniqueName("flow");
        await using var silo = await GrainsSilo.StartAsync(cluster);
        var definition = await silo.Grains.GetGrain<IExperimentGrain>("checkout").DefineAsync(AbTest("checkout"));
        var decisions = silo.Get<DecisionService>();
        await Eventually.TrueAsync(() => silo.Get<ExperimentCatalog>().TryGet("checkout", out _), GrainsSilo.Patience, "definition cached");

        var users = Enumerable.Range(0, 30).Select(i => $"flow-user-{i}").ToList();
        var byUser = new Dictionary<string, ExperimentDecision>();
        foreach (var user in users)
        {
            var (response, unknown) = await decisions.DecideAsync(new DecisionRequest { UserId = user, Experiments = ["checkout"] });
            Assert.Empty(unknown);
            byUser[user] = Assert.Single(response!.Decisions);
        }

        // Ten users convert; some twice (a second reward), some with a resent event (same eventId).
        var converters = users.Take(10).ToList();
        var now = DateTimeOffset.UtcNow;
        var rewards = converters.Select((u, i) => Conversion(u, $"c-{u}", now.AddSeconds(1))).ToList();
        rewards.AddRange(converters.Take(3).Select(u => Conversion(u, $"c2-{u}", now.AddSeconds(2))));
        rewards.AddRange(converters.Skip(3).Take(3).Select(u => Conversion(u, $"c-{u}", now.AddSeconds(1))));
        await silo.ProduceAsync(rewards);

        var grain = silo.Grains.GetGrain<IExperimentGrain>("checkout");
        ExperimentResults? results = null;
        await Eventually.StableAsync(
            async () =>
            {
                results = await grain.GetResultsAsync();
                return (Exposures: results!.Variants.Sum(v => v.Exposures), Conversions: results.Variants.Sum(v => v.Conversions), Converted: results.Analysis?.Metrics[0].Variants.Sum(v => v.ConvertedUsers));
            },
            counts => counts.Conversions >= converters.Count && counts.Exposures >= users.Count && counts.Converted >= converters.Count,
            GrainsSilo.Patience,
            "exposures and conversions credited, and no more");

        Assert.Equal(definition.Version, results!.Version);
        Assert.Equal(users.Count, results.Variants.Sum(v => v.Exposures));
        Assert.Equal(converters.Count, results.Variants.Sum(v => v.Conversions));
        foreach (var variant in results.Variants)
        {
            Assert.Equal(byUser.Values.Count(d => d.Variant == variant.Name), variant.Exposures);
            Assert.Equal(converters.Count(u => byUser[u].Variant == variant.Name), variant.Conversions);
        }

        // User level: each user once, whatever the number of decisions and rewards.
        var primary = results.Analysis!.Metrics[0];
        Assert.Equal(users.Count, primary.Variants.Sum(v => v.Users));
        Assert.Equal(converters.Count, primary.Variants.Sum(v => v.ConvertedUsers));
        Assert.Equal(rewards.Count - 3, primary.Variants.Sum(v => v.ValueSum));
        Assert.All(byUser.Values, d => Assert.Equal(DecisionReasons.Hash, d.Reason));
        Assert.All(byUser.Values, d => Assert.Equal(0.5, d.Propensity));
        Assert.NotNull(results.Srm);
    }

    [Fact]
    public async Task DecideAsync_SameUserAgainWithinTheDedupWindow_OneExposureCounted()
    {
        var cluster = RealServices.UniqueName("dedup");
        await using var silo = await GrainsSilo.StartAsync(cluster);
        await silo.Grains.GetGrain<IExperimentGrain>("repeat").DefineAsync(AbTest("repeat"));
        var decisions = silo.Get<DecisionService>();
        await Eventually.TrueAsync(() => silo.Get<ExperimentCatalog>().TryGet("repeat", out _), GrainsSilo.Patience, "definition cached");
        var partitions = silo.Get<SiloRuntime>().PartitionCount;

        silo.Get<ExperimentCatalog>().TryGet("repeat", out var compiled);
        string VariantOf(string user) => decisions.Decide(compiled!, user, null, new TargetingContext(null), "probe", DateTimeOffset.UtcNow, out _).Variant;

        // The sentinel shares the repeater's partition but not its variant: once the sentinel's exposure
        // counts, every earlier exposure of that partition counts too, and the repeater's are told apart.
        var sentinel = Enumerable.Range(0, 1000).Select(i => $"sentinel-{i}")
            .First(u => GrainPartitioner.PartitionOf(u, partitions) == GrainPartitioner.PartitionOf("repeater", partitions) && VariantOf(u) != VariantOf("repeater"));
        foreach (var user in new[] { "repeater", "repeater", "repeater", sentinel })
        {
            var (response, _) = await decisions.DecideAsync(new DecisionRequest { UserId = user, Experiments = ["repeat"] });
            Assert.Equal(VariantOf(user), Assert.Single(response!.Decisions).Variant);
        }

        var grain = silo.Grains.GetGrain<IExperimentGrain>("repeat");
        ExperimentResults? results = null;
        await Eventually.TrueAsync(
            async () => (results = await grain.GetResultsAsync())!.Variants.Any(v => v.Name == VariantOf(sentinel) && v.Exposures > 0),
            GrainsSilo.Patience,
            "the sentinel's exposure counted");

        Assert.Equal(1, results!.Variants.Single(v => v.Name == VariantOf("repeater")).Exposures);
    }

    [Fact]
    public async Task Ingest_UserEvents_FeaturesVisibleAndEraseForgetsThem()
    {
        var cluster = RealServices.UniqueName("features");
        await using var silo = await GrainsSilo.StartAsync(cluster);
        var now = DateTimeOffset.UtcNow;
        await silo.ProduceAsync(
        [
            new InteractionEvent { EventId = "e1", UserId = "ann", Type = "view", Timestamp = now, ItemId = "i1", Category = "shoes", SessionId = "s1" },
            new InteractionEvent { EventId = "e2", UserId = "ann", Type = "click", Timestamp = now, ItemId = "i1", Category = "shoes", SessionId = "s1" },
            new InteractionEvent { EventId = "e2", UserId = "ann", Type = "click", Timestamp = now, ItemId = "i1", Category = "shoes", SessionId = "s1" },
        ]);
        var user = silo.Grains.GetGrain<IUserGrain>("ann");
        UserFeatures? features = null;
        await Eventually.StableAsync(async () => (features = await user.GetFeaturesAsync()).TotalEvents, total => total >= 2, GrainsSilo.Patience, "features of ann");

        Assert.Equal(2, features!.TotalEvents);
        Assert.Equal(1, features.Counts["click"]["1m"]);
        Assert.Equal("s1", features.Session!.Id);
        Assert.Equal("shoes", features.TopCategories[0].Category);
        Assert.Equal("i1", features.RecentItems[0].ItemId);

        await user.EraseAsync();
        Assert.Equal(0, (await user.GetFeaturesAsync()).TotalEvents);
        Assert.Equal(0, (await silo.Grains.GetGrain<IUserGrain>("never-seen").GetFeaturesAsync()).TotalEvents);
    }

    private static ExperimentDefinition AbTest(string id) => new()
    {
        Id = id,
        Type = ExperimentTypes.Ab,
        Variants =
        [
            new VariantDefinition { Name = "control", Weight = 0.5, Config = JsonDocument.Parse("""{"color":"blue"}""").RootElement },
            new VariantDefinition { Name = "green", Weight = 0.5, Config = JsonDocument.Parse("""{"color":"green"}""").RootElement },
        ],
        RewardEventType = "conversion",
        AttributionWindowSeconds = 3600,
    };

    private static InteractionEvent Conversion(string user, string eventId, DateTimeOffset at) =>
        new() { EventId = eventId, UserId = user, Type = "conversion", Timestamp = at };
}
