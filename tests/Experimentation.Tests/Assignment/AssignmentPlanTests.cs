using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

public sealed class AssignmentPlanTests
{
    [Fact]
    public void Constructor_UnnormalizedWeights_NormalizesThem()
    {
        var plan = new AssignmentPlan("exp", [1, 1, 2]);

        Assert.Equal([0.25, 0.25, 0.5], plan.Weights);
        Assert.Equal(3, plan.VariantCount);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { 0.5, -0.5 })]
    [InlineData(new[] { 0.5, double.NaN })]
    [InlineData(new[] { 0.5, double.PositiveInfinity })]
    public void Constructor_InvalidWeights_Throws(double[] weights) =>
        Assert.Throws<ArgumentException>(() => new AssignmentPlan("exp", weights));

    [Theory]
    [InlineData(-0.1, 0)]
    [InlineData(1.1, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.5)]
    public void Constructor_ShareOutsideUnitInterval_Throws(double traffic, double holdout) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AssignmentPlan("exp", [0.5, 0.5], trafficAllocation: traffic, holdout: holdout));

    [Fact]
    public void Constructor_EmptyId_Throws() =>
        Assert.Throws<ArgumentException>(() => new AssignmentPlan("", [0.5, 0.5]));

    [Fact]
    public void Assign_NoTraffic_NobodyAssigned() =>
        Assert.All(GoodnessOfFit.Users(1_000), u => Assert.Equal(AssignmentOutcome.NotInTraffic, Assigner.Assign(new AssignmentPlan("exp", [1, 1], trafficAllocation: 0), u)));

    [Fact]
    public void Assign_FullHoldout_EveryoneHeldOut()
    {
        var plan = new AssignmentPlan("exp", [1, 1], holdout: 1);

        Assert.All(GoodnessOfFit.Users(1_000), u => Assert.Equal(AssignmentKind.Holdout, Assigner.Assign(plan, u).Kind));
    }
}
