using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class ProportionTestTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("prop");

    [Theory]
    [MemberData(nameof(RCases))]
    public void Compare_RCase_MatchesPropTestWithoutCorrection(int number)
    {
        var r = ReferenceValues.Case("prop", number);
        var control = new BinomialCounts((long)r["n_control"], (long)r["x_control"]);
        var treatment = new BinomialCounts((long)r["n_treatment"], (long)r["x_treatment"]);

        var result = ProportionTest.Compare(control, treatment, r["level"]);

        ReferenceValues.AssertClose(r["x_squared"], result.Z * result.Z, "z²");
        ReferenceValues.AssertClose(r["p_value"], result.PValue, "p-value");
        ReferenceValues.AssertClose(r["conf_low"], result.AbsoluteLiftInterval.Lower, "absolute lift lower");
        ReferenceValues.AssertClose(r["conf_high"], result.AbsoluteLiftInterval.Upper, "absolute lift upper");
        ReferenceValues.AssertClose(r["relative_lift"], result.RelativeLift, "relative lift");
        ReferenceValues.AssertClose(r["relative_low"], result.RelativeLiftInterval.Lower, "relative lift lower");
        ReferenceValues.AssertClose(r["relative_high"], result.RelativeLiftInterval.Upper, "relative lift upper");
    }

    [Fact]
    public void Compare_TreatmentHigher_PositiveZAndLift()
    {
        var result = ProportionTest.Compare(new BinomialCounts(10_000, 1_000), new BinomialCounts(10_000, 1_100));

        Assert.True(result.Z > 0);
        Assert.Equal(0.01, result.AbsoluteLift, 12);
        Assert.Equal(0.1, result.RelativeLift, 12);
        Assert.True(result.AbsoluteLiftInterval.IsPositive);
    }

    [Fact]
    public void Compare_NoConversionsAnywhere_PValueOne()
    {
        var result = ProportionTest.Compare(new BinomialCounts(100, 0), new BinomialCounts(100, 0));

        Assert.Equal(1, result.PValue);
        Assert.True(double.IsNaN(result.RelativeLift));
    }

    [Fact]
    public void Compare_SuccessesAboveTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTest.Compare(new BinomialCounts(10, 11), new BinomialCounts(10, 1)));
    }

    [Fact]
    public void Compare_ThousandAaExperiments_FalsePositiveRateNearAlpha()
    {
        const int experiments = 1_000;
        const int usersPerArm = 4_000;
        const double rate = 0.08;
        var random = new Random(20240601);
        var rejections = 0;
        for (var i = 0; i < experiments; i++)
        {
            var control = new BinomialCounts(usersPerArm, Simulation.Conversions(random, usersPerArm, rate));
            var treatment = new BinomialCounts(usersPerArm, Simulation.Conversions(random, usersPerArm, rate));
            rejections += ProportionTest.Compare(control, treatment).PValue < 0.05 ? 1 : 0;
        }

        var falsePositiveRate = (double)rejections / experiments;
        Assert.InRange(falsePositiveRate, 0.035, 0.065);
    }
}
