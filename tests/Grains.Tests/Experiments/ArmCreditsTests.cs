using Grains.Experiments;

namespace Grains.Tests.Experiments;

public sealed class ArmCreditsTests
{
    [Fact]
    public void Combine_SameArmAndSegment_AddsAndKeepsTheLatestTime()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var left = ArmCredits.Of(new ArmCredit { Variant = "a", Trials = 2, Successes = 1, ValueSum = 3, ValueSumOfSquares = 9, LastAt = t0 });
        var right = new ArmCredits
        {
            Items =
            [
                new ArmCredit { Variant = "a", Trials = 1, Successes = 1, ValueSum = 2, ValueSumOfSquares = 4, LastAt = t0.AddSeconds(5) },
                new ArmCredit { Variant = "a", Segment = "device=mobile", Trials = 7 },
                new ArmCredit { Variant = "b", Trials = 4 },
            ],
        };

        var combined = ArmCredits.Combine(left, right);

        Assert.Equal(3, combined.Items.Count);
        var a = combined.Items.Single(i => i is { Variant: "a", Segment: "" });
        Assert.Equal((3L, 2L, 5.0, 13.0, t0.AddSeconds(5)), (a.Trials, a.Successes, a.ValueSum, a.ValueSumOfSquares, a.LastAt));
        Assert.Equal(7, combined.Items.Single(i => i.Segment == "device=mobile").Trials);
        Assert.Equal(4, combined.Items.Single(i => i.Variant == "b").Trials);
    }

    [Fact]
    public void Combine_SameArmOfTwoIterations_KeptApart()
    {
        var earlier = ArmCredits.Of(new ArmCredit { Variant = "a", Iteration = 1, Trials = 2 });

        var combined = ArmCredits.Combine(earlier, ArmCredits.Of(new ArmCredit { Variant = "a", Iteration = 2, Trials = 5 }));

        Assert.Equal([(1L, 2L), (2L, 5L)], combined.Items.Select(i => (i.Iteration, i.Trials)));
    }
}
