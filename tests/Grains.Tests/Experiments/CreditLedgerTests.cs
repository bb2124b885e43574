using Experimentation.Bandits;
using Grains.Experiments;
using Grains.Interfaces.Experiments;

namespace Grains.Tests.Experiments;

public sealed class CreditLedgerTests
{
    private static readonly ExperimentDefinition FiftyFifty = new()
    {
        Id = "split",
        Type = ExperimentTypes.Ab,
        Variants = [new VariantDefinition { Name = "control", Weight = 0.5 }, new VariantDefinition { Name = "green", Weight = 0.5 }],
        Version = 1,
        Iteration = 1,
    };

    private static readonly ExperimentDefinition TwentyEighty = FiftyFifty with
    {
        Variants = [FiftyFifty.Variants[0] with { Weight = 0.2 }, FiftyFifty.Variants[1] with { Weight = 0.8 }],
        Version = 2,
        Iteration = 2,
    };

    [Fact]
    public void Apply_CreditsOfAnEarlierIteration_NeverCount()
    {
        var state = Fresh();
        var late = Credit("control", iteration: 1, trials: 40, successes: 9, users: 40);
        var current = Credit("green", iteration: 2, trials: 3, successes: 1, users: 3);

        var applied = CreditLedger.Apply(state, TwentyEighty, Table(), [late, current]);

        Assert.Equal(1, applied);
        Assert.Equal([0L, 3L], state.Exposures);
        Assert.Equal([0L, 1L], state.Conversions);
        Assert.Equal([0L, 3L], state.UserTotals.Select(t => t.Users));
    }

    [Fact]
    public void Srm_WeightsChangedMidExperiment_NoFalseAlarmFromTheEarlierSplit()
    {
        // 5,000 / 5,000 under 50/50, then 2,000 / 8,000 under 20/80: each split exactly as configured.
        var state = Fresh();
        CreditLedger.Apply(state, TwentyEighty, Table(), [Credit("control", 1, trials: 5000), Credit("green", 1, trials: 5000)]);
        CreditLedger.Apply(state, TwentyEighty, Table(), [Credit("control", 2, trials: 2000), Credit("green", 2, trials: 8000)]);

        var results = ExperimentResultsBuilder.Build(TwentyEighty, state, DateTimeOffset.UnixEpoch);

        Assert.Equal(2, results.Iteration);
        Assert.Equal([2000L, 8000L], results.Variants.Select(v => v.Exposures));
        Assert.False(results.Srm!.Mismatch);
        Assert.True(ExperimentResultsBuilder.Srm(TwentyEighty, [7000, 13000])!.Mismatch, "pooling both splits would have raised the alarm");
    }

    private static ExperimentState Fresh() => new()
    {
        Exposures = new long[2],
        Conversions = new long[2],
        ValueSums = new double[2],
        ValueSumsOfSquares = new double[2],
        UserTotals = [new VariantUserTotals(), new VariantUserTotals()],
    };

    private static ContextualArmTable Table() => new(2, BanditSettingsMapping.From(TwentyEighty));

    private static ArmCredit Credit(string variant, long iteration, long trials, long successes = 0, long users = 0) =>
        new() { Variant = variant, Iteration = iteration, Trials = trials, Successes = successes, ValueSum = successes, ValueSumOfSquares = successes, Users = users };
}
