using Grains.Interfaces.Experiments;
using static Grains.Interfaces.Tests.Experiments.Definitions;

namespace Grains.Interfaces.Tests.Experiments;

public sealed class ExperimentLayerRulesTests
{
    private static readonly ExperimentDefinition Left = InLayer("left", "homepage", 0, 5_000);

    [Fact]
    public void FindOverlaps_OverlappingRunningExperiment_ReturnsIt()
    {
        var overlapping = InLayer("middle", "homepage", 4_999, 6_000);

        Assert.Equal([Left], ExperimentLayerRules.FindOverlaps(overlapping, [Left, InLayer("right", "homepage", 6_000, 10_000)]));
    }

    [Theory]
    [InlineData("homepage", 5_000, 10_000)]
    [InlineData("checkout", 0, 5_000)]
    public void FindOverlaps_DisjointRangeOrOtherLayer_None(string layer, int start, int end) =>
        Assert.Empty(ExperimentLayerRules.FindOverlaps(InLayer("other", layer, start, end), [Left]));

    [Fact]
    public void FindOverlaps_OtherIsStopped_None() =>
        Assert.Empty(ExperimentLayerRules.FindOverlaps(InLayer("other", "homepage", 0, 100), [Left with { Status = ExperimentStatuses.Stopped }]));

    [Fact]
    public void FindOverlaps_CandidateIsStopped_None() =>
        Assert.Empty(ExperimentLayerRules.FindOverlaps(InLayer("other", "homepage", 0, 100) with { Status = ExperimentStatuses.Stopped }, [Left]));

    [Fact]
    public void FindOverlaps_EarlierVersionOfTheSameExperiment_None() =>
        Assert.Empty(ExperimentLayerRules.FindOverlaps(InLayer("left", "homepage", 0, 6_000), [Left]));

    [Fact]
    public void FindOverlaps_CandidateWithoutLayer_None() =>
        Assert.Empty(ExperimentLayerRules.FindOverlaps(Ab() with { Id = "free", Layer = null }, [Left]));

    [Fact]
    public void Validate_Overlap_ExplainsWhichExperimentAndRange()
    {
        var error = Assert.Single(ExperimentLayerRules.Validate(InLayer("middle", "homepage", 4_000, 6_000), [Left]));

        Assert.Equal("layer", error.Field);
        Assert.Equal("buckets [4000, 6000) of layer 'homepage' overlap [0, 5000) of running experiment 'left'", error.Reason);
    }

    private static ExperimentDefinition InLayer(string id, string layer, int start, int end) =>
        Ab() with { Id = id, Layer = new() { Name = layer, Start = start, End = end } };
}
