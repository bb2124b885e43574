using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class SampleRatioTestTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("srm");

    [Theory]
    [MemberData(nameof(RCases))]
    public void Test_RCase_MatchesChisqTest(int number)
    {
        var r = ReferenceValues.Case("srm", number);
        var observed = ReferenceValues.Vector(r, "observed").Select(x => (long)x).ToArray();

        var result = SampleRatioTest.Test(observed, ReferenceValues.Vector(r, "weight"));

        Assert.NotNull(result);
        ReferenceValues.AssertClose(r["statistic"], result.ChiSquare, "chi-square");
        Assert.Equal((int)r["df"], result.DegreesOfFreedom);
        ReferenceValues.AssertClose(r["p_value"], result.PValue, "p-value");
        Assert.Equal(r["p_value"] < SampleRatioTest.DefaultThreshold, result.Mismatch);
    }

    [Fact]
    public void Test_FiftyTwoFortyEightSplit_FlagsMismatch()
    {
        var result = SampleRatioTest.Test([5200, 4800], [50, 50]);

        Assert.NotNull(result);
        Assert.True(result.Mismatch);
    }

    [Fact]
    public void Test_ThresholdRaised_FlagsSmallerDeviation()
    {
        var strict = SampleRatioTest.Test([5100, 4900], [1, 1], threshold: 0.05);
        var lenient = SampleRatioTest.Test([5100, 4900], [1, 1]);

        Assert.True(strict!.Mismatch);
        Assert.False(lenient!.Mismatch);
    }

    [Fact]
    public void Test_ZeroWeightVariantWithoutUnits_LeftOut()
    {
        var result = SampleRatioTest.Test([5021, 0, 4979], [1, 0, 1]);
        var twoCells = SampleRatioTest.Test([5021, 4979], [1, 1]);

        Assert.Equal(twoCells, result);
    }

    [Fact]
    public void Test_UnitsInZeroWeightVariant_Mismatch()
    {
        var result = SampleRatioTest.Test([5000, 3, 5000], [1, 0, 1]);

        Assert.NotNull(result);
        Assert.True(result.Mismatch);
        Assert.Equal(0, result.PValue);
    }

    [Fact]
    public void Test_NothingObservedOrSingleCell_ReturnsNull()
    {
        Assert.Null(SampleRatioTest.Test([0, 0], [1, 1]));
        Assert.Null(SampleRatioTest.Test([10, 5], [1, 0]));
    }

    [Fact]
    public void Test_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => SampleRatioTest.Test([1, 2, 3], [1, 1]));
    }
}
