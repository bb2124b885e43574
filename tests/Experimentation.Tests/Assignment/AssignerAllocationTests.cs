using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

public sealed class AssignerAllocationTests
{
    private static readonly AssignmentPlan Plan = new(
        "exp-checkout-progress-bar", [0.25, 0.25, 0.25, 0.25], "x7f2k", 0.9, 0.05, new LayerRange("checkout", 0, 10_000));

    private static readonly string[] Users = [.. GoodnessOfFit.Users(1_000)];

    [OptimizedBuildFact]
    public void Assign_HotPath_DoesNotAllocate()
    {
        Run(1_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var checksum = Run(10_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, checksum);
    }

    private static long Run(int iterations)
    {
        long checksum = 0;
        for (var i = 0; i < iterations; i++)
        {
            checksum += Assigner.Assign(Plan, Users[i % Users.Length]).VariantIndex + 2;
        }

        return checksum;
    }
}
