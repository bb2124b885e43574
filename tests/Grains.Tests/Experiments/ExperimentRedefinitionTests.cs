using Grains.Decisions;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Grains.Tests.Hosting;
using TestInfrastructure;

namespace Grains.Tests.Experiments;

/// <summary>A redefinition that starts a new iteration, through a real silo: decide, log, credit, read results.</summary>
public sealed class ExperimentRedefinitionTests
{
    [Theory]
    [InlineData("arms")]
    [InlineData("weights")]
    public async Task DefineAsync_ResettingRedefinition_EarlierIterationNeverCounts(string change)
    {
        await using var silo = await GrainsSilo.StartAsync(RealServices.UniqueName("iterate"));
        var grain = silo.Grains.GetGrain<IExperimentGrain>("iterate");
        var first = await grain.DefineAsync(Split(0.5, 0.5));
        var users = Enumerable.Range(0, 20).Select(i => $"iter-user-{i}").ToList();
        await DecideAllAsync(silo, users, first.Version);
        await Eventually.TrueAsync(async () => (await grain.GetResultsAsync())!.Variants.Sum(v => v.Exposures) >= users.Count, GrainsSilo.Patience, "iteration 1 exposures");

        var redefined = change == "arms"
            ? Split(0.5, 0.5) with { Variants = [.. Split(0.5, 0.5).Variants, new VariantDefinition { Name = "red" }] }
            : Split(0.2, 0.8);
        if (change == "arms")
        {
            redefined.Variants = [.. redefined.Variants.Select(v => v with { Weight = 1.0 / 3 })];
        }

        var second = await grain.DefineAsync(redefined);

        // Rewards of the first iteration's decisions, sent after the redefinition: they must not count.
        var now = DateTimeOffset.UtcNow;
        await silo.ProduceAsync(users.Select(u => Conversion(u, $"old-{u}", now)));
        var again = users.Take(12).ToList();
        await DecideAllAsync(silo, again, second.Version);
        await silo.ProduceAsync(again.Take(4).Select(u => Conversion(u, $"new-{u}", now.AddSeconds(10))));

        ExperimentResults? results = null;
        await Eventually.StableAsync(
            async () =>
            {
                results = await grain.GetResultsAsync();
                return (Exposures: results!.Variants.Sum(v => v.Exposures), Conversions: results.Variants.Sum(v => v.Conversions), Converted: results.Analysis?.Metrics[0].Variants.Sum(v => v.ConvertedUsers));
            },
            counts => counts.Exposures >= again.Count && counts.Conversions >= 4 && counts.Converted >= 4,
            GrainsSilo.Patience,
            "iteration 2 exposures and conversions, and no more");

        Assert.Equal((0L, 1L, 1L), (first.Iteration, second.Iteration, results!.Iteration));
        Assert.Equal(again.Count, results.Variants.Sum(v => v.Exposures));
        Assert.Equal(4, results.Variants.Sum(v => v.Conversions));
        Assert.Equal(again.Count, results.Analysis!.Metrics[0].Variants.Sum(v => v.Users));
        Assert.Equal(4, results.Analysis.Metrics[0].Variants.Sum(v => v.ConvertedUsers));
        Assert.False(results.Srm!.Mismatch);
    }

    private static async Task DecideAllAsync(GrainsSilo silo, IEnumerable<string> users, long version)
    {
        var catalog = silo.Get<ExperimentCatalog>();
        await Eventually.TrueAsync(() => catalog.TryGet("iterate", out var cached) && cached.Definition.Version == version, GrainsSilo.Patience, $"version {version} cached");
        var decisions = silo.Get<DecisionService>();
        foreach (var user in users)
        {
            var (response, unknown) = await decisions.DecideAsync(new DecisionRequest { UserId = user, Experiments = ["iterate"] });
            Assert.Empty(unknown);
            Assert.Equal(DecisionReasons.Hash, Assert.Single(response!.Decisions).Reason);
        }
    }

    private static ExperimentDefinition Split(double control, double green) => new()
    {
        Id = "iterate",
        Type = ExperimentTypes.Ab,
        Variants = [new VariantDefinition { Name = "control", Weight = control }, new VariantDefinition { Name = "green", Weight = green }],
        RewardEventType = "conversion",
        AttributionWindowSeconds = 3600,
    };

    private static InteractionEvent Conversion(string user, string eventId, DateTimeOffset at) =>
        new() { EventId = eventId, UserId = user, Type = "conversion", Timestamp = at };
}
