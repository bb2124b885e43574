using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class WelchTestTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("welch");

    [Theory]
    [MemberData(nameof(RCases))]
    public void Compare_RCase_MatchesTTestUnequalVariances(int number)
    {
        var r = ReferenceValues.Case("welch", number);
        var control = new SampleSummary(r["n_control"], r["mean_control"], r["var_control"]);
        var treatment = new SampleSummary(r["n_treatment"], r["mean_treatment"], r["var_treatment"]);

        var result = WelchTest.Compare(control, treatment, r["level"]);

        ReferenceValues.AssertClose(r["t"], result.T, "t");
        ReferenceValues.AssertClose(r["df"], result.DegreesOfFreedom, "df");
        ReferenceValues.AssertClose(r["p_value"], result.PValue, "p-value");
        ReferenceValues.AssertClose(r["conf_low"], result.DifferenceInterval.Lower, "lower");
        ReferenceValues.AssertClose(r["conf_high"], result.DifferenceInterval.Upper, "upper");
    }

    [Fact]
    public void Compare_SummariesFromSums_SameAsFromMoments()
    {
        double[] control = [1, 2, 3, 4, 10];
        double[] treatment = [2, 4, 6, 8, 9, 12];
        var fromSums = WelchTest.Compare(
            SampleSummary.FromSums(control.Length, control.Sum(), control.Sum(x => x * x)),
            SampleSummary.FromSums(treatment.Length, treatment.Sum(), treatment.Sum(x => x * x)));

        Assert.Equal(6.8333333333333333 - 4, fromSums.Difference, 12);
        Assert.Equal(Math.Sqrt(12.5 / 5 + (345 - 41.0 * 41 / 6) / 5 / 6), fromSums.StandardError, 12);
    }

    [Fact]
    public void Compare_ConstantArms_Throws()
    {
        var constant = new SampleSummary(10, 3, 0);

        Assert.Throws<ArgumentException>(() => WelchTest.Compare(constant, constant));
    }
}
