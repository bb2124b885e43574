using Grains.Experiments;
using Grains.Interfaces.Experiments;

namespace Grains.Tests.Experiments;

public sealed class ExperimentIterationsTests
{
    private static readonly ExperimentDefinition Current = new()
    {
        Id = "exp",
        Type = ExperimentTypes.Ab,
        Variants = [new VariantDefinition { Name = "control", Weight = 0.5 }, new VariantDefinition { Name = "green", Weight = 0.5 }],
        RewardEventType = "purchase",
        Version = 4,
        Iteration = 2,
    };

    [Fact]
    public void Of_FirstDefinition_IsIterationZero()
    {
        Assert.Equal(0, ExperimentIterations.Of(null, Current));
    }

    [Fact]
    public void Of_NewArm_StartsTheNextIteration()
    {
        var next = Current with { Variants = [.. Current.Variants.Select(v => v with { Weight = 0.25 }), new VariantDefinition { Name = "red", Weight = 0.25 }, new VariantDefinition { Name = "gold", Weight = 0.25 }] };

        Assert.Equal(3, ExperimentIterations.Of(Current, next));
    }

    [Fact]
    public void Of_NewReward_StartsTheNextIteration()
    {
        Assert.Equal(3, ExperimentIterations.Of(Current, Current with { RewardEventType = "signup" }));
        Assert.Equal(3, ExperimentIterations.Of(Current, Current with { RewardKind = RewardKinds.Continuous }));
    }

    [Fact]
    public void Of_NewAbWeights_StartsTheNextIteration()
    {
        var next = Current with { Variants = [Current.Variants[0] with { Weight = 0.2 }, Current.Variants[1] with { Weight = 0.8 }] };

        Assert.Equal(3, ExperimentIterations.Of(Current, next));
    }

    [Fact]
    public void Of_ChangesThatKeepTheComparison_KeepTheIteration()
    {
        Assert.Equal(2, ExperimentIterations.Of(Current, Current with { Status = ExperimentStatuses.Stopped }));
        Assert.Equal(2, ExperimentIterations.Of(Current, Current with { AttributionWindowSeconds = 60, TrafficAllocation = 0.5 }));
        Assert.Equal(2, ExperimentIterations.Of(Current, Current with { Variants = [Current.Variants[0] with { Config = default }, Current.Variants[1]] }));
    }

    [Fact]
    public void Of_DefinitionStoredBeforeIterations_StaysAtZeroUntilAReset()
    {
        var stored = Current with { Iteration = 0 };

        Assert.Equal(0, ExperimentIterations.Of(stored, stored with { Status = ExperimentStatuses.Stopped }));
        Assert.Equal(1, ExperimentIterations.Of(stored, stored with { RewardEventType = "signup" }));
    }
}
