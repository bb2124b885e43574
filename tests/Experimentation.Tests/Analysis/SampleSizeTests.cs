using Experimentation.Analysis;
using MathNet.Numerics.Distributions;

namespace Experimentation.Tests.Analysis;

public sealed class SampleSizeTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("power");

    [Theory]
    [MemberData(nameof(RCases))]
    public void UsersPerVariant_RCase_MatchesPowerPropTest(int number)
    {
        var r = ReferenceValues.Case("power", number);

        var n = SampleSize.UsersPerVariant(r["p1"], r["mde"], r["alpha"], r["power"], strict: r["strict"] == 1);

        ReferenceValues.AssertClose(r["n"], n, "n (R tol = 1e-12)");
        // R's default tolerance stops uniroot about 1e-4 users from the root.
        Assert.Equal(r["n_default_tol"], n, 1e-4 * 20);
    }

    [Theory]
    [InlineData(0.6, 0.02, 0.05, 0.8)]
    [InlineData(0.1, -0.01, 0.01, 0.9)]
    public void UsersPerVariant_NotStrict_EqualsClosedForm(double baseline, double mde, double alpha, double power)
    {
        var p2 = baseline + mde;
        var pBar = (baseline + p2) / 2;
        var numerator = Normal.InvCDF(0, 1, 1 - alpha / 2) * Math.Sqrt(2 * pBar * (1 - pBar)) +
            Normal.InvCDF(0, 1, power) * Math.Sqrt(baseline * (1 - baseline) + p2 * (1 - p2));

        var n = SampleSize.UsersPerVariant(baseline, mde, alpha, power);

        ReferenceValues.AssertClose(numerator * numerator / (mde * mde), n, "closed form");
    }

    [Fact]
    public void Power_AtSolvedN_EqualsTarget()
    {
        var n = SampleSize.UsersPerVariant(0.05, 0.01, 0.05, 0.8, strict: true);

        Assert.Equal(0.8, SampleSize.Power(n, 0.05, 0.06, 0.05, strict: true), 12);
    }

    [Fact]
    public void UsersPerVariant_NoEffectOrRateOutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.UsersPerVariant(0.95, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.UsersPerVariant(0.1, 0));
    }
}
