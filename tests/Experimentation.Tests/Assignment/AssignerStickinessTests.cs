using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

public sealed class AssignerStickinessTests
{
    private static readonly string[] Users = [.. GoodnessOfFit.Users(10_000)];

    [Fact]
    public void Assign_SameUserRepeatedly_SameOutcome()
    {
        var plan = new AssignmentPlan("exp-sticky", [0.3, 0.3, 0.4], trafficAllocation: 0.8, holdout: 0.1);

        var first = Users.Select(u => Assigner.Assign(plan, u)).ToList();
        var second = Users.Select(u => Assigner.Assign(plan, u)).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Assign_EqualPlansBuiltSeparately_SameOutcomes()
    {
        var layer = new LayerRange("checkout", 0, 5_000);
        var one = new AssignmentPlan("exp-sticky", [0.5, 0.5], "salt-1", 0.9, 0.05, layer);
        var other = new AssignmentPlan(new string("exp-sticky".AsSpan()), [0.5, 0.5], new string("salt-1".AsSpan()), 0.9, 0.05, layer);

        Assert.Equal(Users.Select(u => Assigner.Assign(one, u)), Users.Select(u => Assigner.Assign(other, u)));
    }

    // Pinned outcomes, computed by an independent implementation of HASHING.md: a change here would move the
    // users of every running experiment.
    [Theory]
    [InlineData("user-0", AssignmentKind.Assigned, 2)]
    [InlineData("user-1", AssignmentKind.Assigned, 0)]
    [InlineData("user-4", AssignmentKind.NotInTraffic, -1)]
    [InlineData("user-6", AssignmentKind.Assigned, 1)]
    [InlineData("user-10", AssignmentKind.NotInLayerRange, -1)]
    [InlineData("user-40", AssignmentKind.Holdout, 0)]
    public void Assign_KnownUsers_FixedOutcomes(string user, AssignmentKind kind, int variant)
    {
        var plan = new AssignmentPlan(
            "exp-checkout-progress-bar", [0.2, 0.3, 0.5], "x7f2k", 0.8, 0.1, new LayerRange("checkout", 1_000, 9_000));

        var outcome = Assigner.Assign(plan, user);

        Assert.Equal((kind, variant), (outcome.Kind, outcome.VariantIndex));
    }

    [Fact]
    public void Assign_SaltChanged_ReshufflesAboutHalfTheUsers()
    {
        var before = new AssignmentPlan("exp-salt", [0.5, 0.5], salt: "v1");
        var after = new AssignmentPlan("exp-salt", [0.5, 0.5], salt: "v2");

        var moved = Users.Count(u => Assigner.Assign(before, u).VariantIndex != Assigner.Assign(after, u).VariantIndex);

        Assert.InRange(moved / (double)Users.Length, 0.47, 0.53);
    }

    [Fact]
    public void Assign_NoSalt_UsesTheExperimentId()
    {
        var implicitSalt = new AssignmentPlan("exp-salt", [0.5, 0.5]);
        var explicitSalt = new AssignmentPlan("exp-salt", [0.5, 0.5], salt: "exp-salt");

        Assert.Equal("exp-salt", implicitSalt.Salt);
        Assert.Equal(Users.Select(u => Assigner.Assign(implicitSalt, u)), Users.Select(u => Assigner.Assign(explicitSalt, u)));
    }

    [Fact]
    public void Assign_TrafficRampedUp_UsersAlreadyInKeepTheirVariant()
    {
        var small = new AssignmentPlan("exp-ramp", [0.5, 0.5], trafficAllocation: 0.1, holdout: 0.2);
        var large = new AssignmentPlan("exp-ramp", [0.5, 0.5], trafficAllocation: 0.5, holdout: 0.2);

        var earlier = Users.Select(u => (User: u, Outcome: Assigner.Assign(small, u))).Where(x => x.Outcome.Kind != AssignmentKind.NotInTraffic).ToList();

        Assert.NotEmpty(earlier);
        Assert.All(earlier, x => Assert.Equal(x.Outcome, Assigner.Assign(large, x.User)));
    }
}
