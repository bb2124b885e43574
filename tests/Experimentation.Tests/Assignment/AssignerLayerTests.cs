using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

public sealed class AssignerLayerTests
{
    [Fact]
    public void Assign_DisjointRangesInOneLayer_NoUserInBoth()
    {
        var left = new AssignmentPlan("exp-left", [0.5, 0.5], layer: new LayerRange("homepage", 0, 4_000));
        var right = new AssignmentPlan("exp-right", [0.5, 0.5], layer: new LayerRange("homepage", 4_000, 10_000));

        var inLeft = 0;
        var inRight = 0;
        var inBoth = 0;
        foreach (var user in GoodnessOfFit.Users(100_000))
        {
            var a = Assigner.Assign(left, user).IsAssigned;
            var b = Assigner.Assign(right, user).IsAssigned;
            inLeft += a ? 1 : 0;
            inRight += b ? 1 : 0;
            inBoth += a && b ? 1 : 0;
        }

        Assert.Equal(0, inBoth);
        Assert.Equal(100_000, inLeft + inRight);
        Assert.InRange(inLeft / 100_000.0, 0.395, 0.405);
    }

    [Fact]
    public void Assign_UserOutsideTheRange_NotInLayerRange()
    {
        const string user = "user-1";
        var bucket = Assigner.LayerBucket("homepage", user);
        var range = bucket < 5_000 ? new LayerRange("homepage", 5_000, 10_000) : new LayerRange("homepage", 0, 5_000);
        var plan = new AssignmentPlan("exp-layer", [0.5, 0.5], layer: range);

        Assert.Equal(AssignmentOutcome.NotInLayerRange, Assigner.Assign(plan, user));
    }

    [Fact]
    public void LayerBucket_DifferentLayers_Independent()
    {
        var sameHalf = GoodnessOfFit.Users(10_000)
            .Count(u => Assigner.LayerBucket("homepage", u) < 5_000 == Assigner.LayerBucket("checkout", u) < 5_000);

        Assert.InRange(sameHalf / 10_000.0, 0.47, 0.53);
    }

    [Theory]
    [InlineData(0, 100, 99, 200, true)]
    [InlineData(0, 100, 100, 200, false)]
    [InlineData(100, 200, 0, 100, false)]
    [InlineData(0, 10_000, 5_000, 5_001, true)]
    public void Overlaps_TwoRanges_TrueWhenTheyShareABucket(int start1, int end1, int start2, int end2, bool expected) =>
        Assert.Equal(expected, new LayerRange("l", start1, end1).Overlaps(new LayerRange("l", start2, end2)));

    [Fact]
    public void Overlaps_SameRangeInDifferentLayers_False() =>
        Assert.False(new LayerRange("a", 0, 100).Overlaps(new LayerRange("b", 0, 100)));

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, 10)]
    [InlineData(20, 10)]
    [InlineData(0, 10_001)]
    public void Constructor_InvalidRange_Throws(int start, int end) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LayerRange("l", start, end));
}
