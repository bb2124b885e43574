using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class MetricInputTests
{
    [Fact]
    public void UserMetricInput_Value_SummarisesPerUserValues()
    {
        // Users' values 0, 0, 5, 15: two users never converted.
        var input = new UserMetricInput(4, 2, 20, 250);

        Assert.Equal(new BinomialCounts(4, 2), input.Conversions);
        Assert.Equal(0.5, input.Conversions.Rate);
        Assert.Equal(5, input.Value.Mean);
        Assert.Equal((250 - 100) / 3.0, input.Value.Variance, 12);
    }

    [Fact]
    public void DecisionMetricInput_Value_SummarisesPerDecisionValues()
    {
        var input = new DecisionMetricInput(3, 1, 3, 9);

        Assert.Equal(new BinomialCounts(3, 1), input.Outcomes);
        Assert.Equal(1, input.Value.Mean);
        Assert.Equal(3, input.Value.Variance, 12);
    }

    [Fact]
    public void SampleSummary_FromSumsOfNothing_IsEmpty()
    {
        Assert.Equal(new SampleSummary(0, 0, 0), SampleSummary.FromSums(0, 0, 0));
        Assert.True(double.IsPositiveInfinity(SampleSummary.FromSums(0, 0, 0).MeanVariance));
    }
}
