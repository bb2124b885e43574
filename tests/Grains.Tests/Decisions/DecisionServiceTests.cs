using Experimentation.Targeting;
using Grains.Decisions;
using Grains.Experiments;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Experiments;

namespace Grains.Tests.Decisions;

public sealed class DecisionServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DecisionService _service = new(null!, null!, null!, null!, new FixedRandom(0.25), TimeProvider.System);

    [Fact]
    public void Decide_AbSplit_HashReasonWithTheWeightAsPropensityAndSticky()
    {
        var experiment = Compile(Ab("ab"));

        var first = Decide(experiment, "user-1", out var exposure);
        var again = Decide(experiment, "user-1", out _);

        Assert.Equal(DecisionReasons.Hash, first.Reason);
        Assert.Equal(0.5, first.Propensity);
        Assert.Equal(first.Variant, again.Variant);
        Assert.NotNull(exposure);
        Assert.Equal((first.Variant, 0.5, 3600L, "conversion"), (exposure.Variant, exposure.Propensity, exposure.WindowSeconds, exposure.RewardEventType));
    }

    [Fact]
    public void Decide_AllHeldOut_ControlWithoutExposure()
    {
        var decision = Decide(Compile(Ab("held") with { Holdout = 1 }), "user-1", out var exposure);

        Assert.Equal((DecisionReasons.Holdout, "control", 1.0), (decision.Reason, decision.Variant, decision.Propensity));
        Assert.Null(exposure);
    }

    [Fact]
    public void Decide_Stopped_ControlWithoutExposure()
    {
        var decision = Decide(Compile(Ab("stopped") with { Status = ExperimentStatuses.Stopped }), "user-1", out var exposure);

        Assert.Equal((DecisionReasons.Stopped, "control"), (decision.Reason, decision.Variant));
        Assert.Null(exposure);
    }

    [Fact]
    public void Decide_TargetingOnContext_OnlyMatchingUsersEnter()
    {
        var experiment = Compile(Ab("mobile") with { Targeting = [new TargetingCondition { Attribute = "device", Operator = "eq", Values = ["mobile"] }] });

        var desktop = Decide(experiment, "user-1", out var noExposure, new() { ["device"] = "desktop" });
        var mobile = Decide(experiment, "user-1", out var exposure, new() { ["device"] = "mobile" });

        Assert.Equal(DecisionReasons.NotTargeted, desktop.Reason);
        Assert.Null(noExposure);
        Assert.Equal(DecisionReasons.Hash, mobile.Reason);
        Assert.NotNull(exposure);
    }

    [Fact]
    public void Decide_BanditPolicyPerSegment_DrawsFromTheSegmentsPolicyWithItsPropensity()
    {
        var definition = Ab("bandit") with
        {
            Type = ExperimentTypes.Bandit,
            Variants = [new VariantDefinition { Name = "control" }, new VariantDefinition { Name = "b" }, new VariantDefinition { Name = "c" }],
            Bandit = new BanditDefinition { SegmentBy = ["device"] },
        };
        var experiment = new CompiledExperiment(new ExperimentSnapshot
        {
            Definition = definition,
            Policies = [new SegmentPolicy("", [0, 1, 0], "thompson"), new SegmentPolicy("device=mobile", [0, 0.2, 0.8], "thompson")],
        });

        var global = Decide(experiment, "user-1", out var globalExposure, new() { ["device"] = "tv" });
        var mobile = Decide(experiment, "user-1", out var mobileExposure, new() { ["device"] = "mobile" });

        Assert.Equal(("b", 1.0, DecisionReasons.Thompson), (global.Variant, global.Propensity, global.Reason));
        Assert.Equal("device=tv", globalExposure!.Segment);
        Assert.Equal(("c", 0.8), (mobile.Variant, mobile.Propensity));
        Assert.Equal("device=mobile", mobileExposure!.Segment);
    }

    [Fact]
    public void Decide_TwoExperimentsOfOneLayer_NoUserIsInBoth()
    {
        var left = Compile(Ab("left") with { Layer = new LayerAllocation { Name = "checkout", Start = 0, End = 5000 } });
        var right = Compile(Ab("right") with { Layer = new LayerAllocation { Name = "checkout", Start = 5000, End = 10000 } });

        var both = 0;
        var neither = 0;
        for (var i = 0; i < 5000; i++)
        {
            var inLeft = Decide(left, $"u{i}", out _).Reason == DecisionReasons.Hash;
            var inRight = Decide(right, $"u{i}", out _).Reason == DecisionReasons.Hash;
            both += inLeft && inRight ? 1 : 0;
            neither += !inLeft && !inRight ? 1 : 0;
        }

        Assert.Equal(0, both);
        Assert.Equal(0, neither);
    }

    private ExperimentDecision Decide(CompiledExperiment experiment, string user, out Exposure? exposure, Dictionary<string, string>? context = null) =>
        _service.Decide(experiment, user, context, new TargetingContext(context), "decision-1", Now, out exposure);

    private static CompiledExperiment Compile(ExperimentDefinition definition) => new(new ExperimentSnapshot { Definition = definition });

    private static ExperimentDefinition Ab(string id) => new()
    {
        Id = id,
        Type = ExperimentTypes.Ab,
        Variants = [new VariantDefinition { Name = "control", Weight = 0.5 }, new VariantDefinition { Name = "treatment", Weight = 0.5 }],
        AttributionWindowSeconds = 3600,
    };

    private sealed class FixedRandom(double value) : IRandomSource
    {
        public double NextDouble() => value;
    }
}
