using System.Diagnostics;
using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

public sealed class AssignerPerformanceTests
{
    private static readonly AssignmentPlan Plan = new(
        "exp-checkout-progress-bar", [0.25, 0.25, 0.25, 0.25], "x7f2k", 0.9, 0.05, new LayerRange("checkout", 0, 10_000));

    private static readonly string[] Users = [.. GoodnessOfFit.Users(1_000)];

    [Fact]
    public void Assign_HotPath_DoesNotAllocate()
    {
        Run(1_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var checksum = Run(10_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, checksum);
    }

    [Fact]
    public void Assign_HotPath_TakesUnderOneMicrosecond()
    {
        const int iterations = 2_000;
        Run(50_000);

        // The fastest of many short rounds: the shared machine may preempt any one of them.
        var fastest = double.MaxValue;
        long checksum = 0;
        for (var round = 0; round < 100; round++)
        {
            var clock = Stopwatch.StartNew();
            checksum += Run(iterations);
            fastest = Math.Min(fastest, clock.Elapsed.TotalNanoseconds / iterations);
        }

        Assert.True(fastest < 1_000, $"{fastest:0} ns per assignment");
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
