using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

public sealed class AssignerDistributionTests
{
    private const int UserCount = 100_000;

    [Fact]
    public void Assign_FourEqualVariants_SplitIsUniform()
    {
        var plan = new AssignmentPlan("exp-uniform", [0.25, 0.25, 0.25, 0.25]);

        var counts = CountVariants(plan, GoodnessOfFit.Users(UserCount));

        Assert.True(GoodnessOfFit.PValueUniform(counts) > 0.001, $"counts {string.Join(", ", counts)}");
    }

    [Fact]
    public void Bucket_HundredThousandUsers_UniformOverHundredCells()
    {
        var cells = new int[100];
        foreach (var user in GoodnessOfFit.Users(UserCount))
        {
            cells[BucketHasher.Bucket("exp-uniform", "exp-uniform", user) / 100]++;
        }

        Assert.True(GoodnessOfFit.PValueUniform(cells) > 0.001);
    }

    [Fact]
    public void LayerBucket_HundredThousandUsers_UniformOverHundredCells()
    {
        var cells = new int[100];
        foreach (var user in GoodnessOfFit.Users(UserCount))
        {
            cells[Assigner.LayerBucket("homepage", user) / 100]++;
        }

        Assert.True(GoodnessOfFit.PValueUniform(cells) > 0.001);
    }

    [Fact]
    public void Assign_TenNinetyWeights_SplitFollowsWeights()
    {
        var plan = new AssignmentPlan("exp-weighted", [0.1, 0.9]);

        var counts = CountVariants(plan, GoodnessOfFit.Users(UserCount));

        Assert.InRange(counts[0] / (double)UserCount, 0.095, 0.105);
        Assert.True(GoodnessOfFit.PValue(counts, [0.1, 0.9]) > 0.001);
    }

    [Fact]
    public void Assign_TrafficAllocation_AdmitsThatShare()
    {
        var plan = new AssignmentPlan("exp-traffic", [0.5, 0.5], trafficAllocation: 0.2);

        var outcomes = Outcomes(plan);

        Assert.InRange(outcomes.Count(o => o.Kind == AssignmentKind.Assigned) / (double)UserCount, 0.195, 0.205);
        Assert.Equal(UserCount, outcomes.Count(o => o.Kind is AssignmentKind.Assigned or AssignmentKind.NotInTraffic));
    }

    [Fact]
    public void Assign_Holdout_HoldsOutThatShareOfTheAllocatedTraffic()
    {
        var plan = new AssignmentPlan("exp-holdout", [0.5, 0.5], trafficAllocation: 0.5, holdout: 0.1);

        var outcomes = Outcomes(plan);
        var allocated = outcomes.Count(o => o.Kind is AssignmentKind.Assigned or AssignmentKind.Holdout);
        var heldOut = outcomes.Where(o => o.Kind == AssignmentKind.Holdout).ToList();

        Assert.InRange(allocated / (double)UserCount, 0.495, 0.505);
        Assert.InRange(heldOut.Count / (double)allocated, 0.09, 0.11);
        Assert.All(heldOut, o => Assert.Equal((AssignmentPlan.ControlIndex, 1.0), (o.VariantIndex, o.Propensity)));
    }

    [Fact]
    public void Assign_PartialTraffic_VariantSharesEqualInsideTheTraffic()
    {
        var plan = new AssignmentPlan("exp-independent", [0.5, 0.5], trafficAllocation: 0.3);

        var counts = CountVariants(plan, GoodnessOfFit.Users(UserCount));

        // Traffic and variant come from independent hashes, so the admitted users split evenly.
        Assert.InRange(counts.Sum() / (double)UserCount, 0.295, 0.305);
        Assert.True(GoodnessOfFit.PValueUniform(counts) > 0.001, $"counts {string.Join(", ", counts)}");
    }

    [Fact]
    public void Assign_ZeroWeightVariant_NeverChosen()
    {
        var plan = new AssignmentPlan("exp-zero", [0.5, 0, 0.5]);

        var counts = CountVariants(plan, GoodnessOfFit.Users(10_000));

        Assert.Equal(0, counts[1]);
    }

    [Fact]
    public void Assign_AssignedUser_PropensityIsNormalizedWeight()
    {
        var plan = new AssignmentPlan("exp-propensity", [1, 3]);

        var outcomes = Outcomes(plan).Where(o => o.IsAssigned).ToList();

        Assert.All(outcomes, o => Assert.Equal(o.VariantIndex == 0 ? 0.25 : 0.75, o.Propensity));
    }

    private static List<AssignmentOutcome> Outcomes(AssignmentPlan plan) =>
        [.. GoodnessOfFit.Users(UserCount).Select(u => Assigner.Assign(plan, u))];

    private static int[] CountVariants(AssignmentPlan plan, IEnumerable<string> users)
    {
        var counts = new int[plan.VariantCount];
        foreach (var user in users)
        {
            var outcome = Assigner.Assign(plan, user);
            if (outcome.IsAssigned)
            {
                counts[outcome.VariantIndex]++;
            }
        }

        return counts;
    }
}
