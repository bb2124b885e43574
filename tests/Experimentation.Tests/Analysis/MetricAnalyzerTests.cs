using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class MetricAnalyzerTests
{
    private static readonly MetricInput Purchase = new(
        "purchase",
        [new UserMetricInput(10_000, 1_000, 25_000, 900_000), new UserMetricInput(10_000, 1_090, 28_000, 1_010_000), new UserMetricInput(10_000, 1_010, 25_500, 910_000)]);

    private static readonly MetricInput Error = new(
        "error",
        [new UserMetricInput(10_000, 100, 0, 0), new UserMetricInput(10_000, 160, 0, 0), new UserMetricInput(10_000, 95, 0, 0)],
        GuardrailDirection.Increase);

    [Fact]
    public void Analyze_TwoMetricsTwoTreatments_OneComparisonPerMetricAndTreatment()
    {
        var results = MetricAnalyzer.Analyze([Purchase, Error]);

        Assert.Equal([("purchase", 1), ("purchase", 2), ("error", 1), ("error", 2)], results.Select(r => (r.EventType, r.Variant)));
        Assert.Equal(
            ProportionTest.Compare(Purchase.Variants[0].Conversions, Purchase.Variants[1].Conversions),
            results[0].Conversion);
    }

    [Fact]
    public void Analyze_PValues_AdjustedTogetherByBenjaminiHochberg()
    {
        var results = MetricAnalyzer.Analyze([Purchase, Error]);

        double[] raw = [.. results.Select(r => r.Conversion.PValue), .. results.Where(r => r.Value is not null).Select(r => r.Value!.PValue)];
        var expected = BenjaminiHochberg.Adjust(raw);
        Assert.Equal(expected[..4], results.Select(r => r.ConversionAdjustedPValue));
        Assert.Equal(expected[4..], results.Where(r => r.Value is not null).Select(r => r.ValueAdjustedPValue!.Value));
        Assert.All(results, r => Assert.True(r.ConversionAdjustedPValue >= r.Conversion.PValue));
    }

    [Fact]
    public void Analyze_NoValueVariation_NoValueTest()
    {
        var results = MetricAnalyzer.Analyze([Error]);

        Assert.All(results, r => Assert.Null(r.Value));
        Assert.All(results, r => Assert.Null(r.ValueAdjustedPValue));
    }

    [Fact]
    public void Analyze_GuardrailRises_BreachedOnlyWhereHarmIsSignificant()
    {
        var results = MetricAnalyzer.Analyze([Purchase, Error]);

        Assert.True(results.Single(r => r.EventType == "error" && r.Variant == 1).GuardrailBreached);
        Assert.False(results.Single(r => r.EventType == "error" && r.Variant == 2).GuardrailBreached);
        Assert.All(results.Where(r => r.EventType == "purchase"), r => Assert.False(r.GuardrailBreached));
    }

    [Fact]
    public void Analyze_MetricWithoutTreatment_Throws()
    {
        Assert.Throws<ArgumentException>(() => MetricAnalyzer.Analyze([new MetricInput("x", [new UserMetricInput(1, 0, 0, 0)])]));
    }
}
