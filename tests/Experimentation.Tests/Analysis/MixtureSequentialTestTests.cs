using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class MixtureSequentialTestTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("msprt");

    [Theory]
    [MemberData(nameof(RCases))]
    public void Evaluate_RCase_MatchesFormulas(int number)
    {
        var r = ReferenceValues.Case("msprt", number);

        var result = MixtureSequentialTest.Evaluate(r["difference"], r["variance"], new SequentialSettings(r["tau2"], r["alpha"]));

        ReferenceValues.AssertClose(r["likelihood_ratio"], result.LikelihoodRatio, "likelihood ratio");
        ReferenceValues.AssertClose(r["p_value"], result.PValue, "p-value");
        ReferenceValues.AssertClose(r["lower"], result.ConfidenceSequence.Lower, "lower");
        ReferenceValues.AssertClose(r["upper"], result.ConfidenceSequence.Upper, "upper");
    }

    [Fact]
    public void Evaluate_WithPrevious_KeepsRunningMinimumAndIntersection()
    {
        var settings = new SequentialSettings(1e-4);
        var first = MixtureSequentialTest.Evaluate(0.01, 1e-5, settings);
        var second = MixtureSequentialTest.Evaluate(0.0, 5e-6, settings, first);

        Assert.Equal(first.PValue, second.PValue);
        Assert.Equal(first.ConfidenceSequence.Lower, second.ConfidenceSequence.Lower);
        Assert.True(second.ConfidenceSequence.Upper < first.ConfidenceSequence.Upper);
    }

    [Fact]
    public void Evaluate_SignificantExactlyWhenSequenceExcludesZero()
    {
        var settings = new SequentialSettings(1e-4);
        foreach (var difference in new[] { -0.02, -0.011, -0.005, 0, 0.004, 0.0105, 0.03 })
        {
            var result = MixtureSequentialTest.Evaluate(difference, 1e-5, settings);

            Assert.Equal(result.Significant, !result.ConfidenceSequence.Contains(0));
        }
    }

    [Fact]
    public void Compare_NoVarianceYet_CarriesNoEvidence()
    {
        var settings = new SequentialSettings(1e-4);

        var result = MixtureSequentialTest.Compare(new BinomialCounts(0, 0), new BinomialCounts(0, 0), settings);

        Assert.Equal(1, result.PValue);
        Assert.True(double.IsNegativeInfinity(result.ConfidenceSequence.Lower));
    }

    [Fact]
    public void Compare_Proportions_UsesUnpooledVariance()
    {
        var control = new BinomialCounts(10_000, 1_000);
        var treatment = new BinomialCounts(10_000, 1_150);
        var settings = new SequentialSettings(1e-4);

        var result = MixtureSequentialTest.Compare(control, treatment, settings);

        Assert.Equal(0.015, result.Difference, 12);
        Assert.Equal(0.1 * 0.9 / 10_000 + 0.115 * 0.885 / 10_000, result.Variance, 15);
    }

    [Fact]
    public void Settings_NonPositiveMixtureVariance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureSequentialTest.Evaluate(0, 1, new SequentialSettings(0)));
    }
}
