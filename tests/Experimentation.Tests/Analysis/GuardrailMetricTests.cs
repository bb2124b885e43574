using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class GuardrailMetricTests
{
    [Theory]
    [InlineData(GuardrailDirection.Increase, 0.001, 0.01, true)]
    [InlineData(GuardrailDirection.Increase, -0.01, 0.01, false)]
    [InlineData(GuardrailDirection.Increase, -0.02, -0.01, false)]
    [InlineData(GuardrailDirection.Decrease, -0.02, -0.01, true)]
    [InlineData(GuardrailDirection.Decrease, 0.001, 0.01, false)]
    public void IsBreached_Interval_OnlyWhenHarmIsSignificant(GuardrailDirection bad, double lower, double upper, bool breached)
    {
        var guardrail = new GuardrailMetric("error", bad);

        Assert.Equal(breached, guardrail.IsBreached(new ConfidenceInterval(lower, upper, 0.95)));
    }

    [Fact]
    public void IsBreached_ErrorRateUpInTreatment_Breached()
    {
        var guardrail = new GuardrailMetric("checkout_error", GuardrailDirection.Increase);
        var control = new UserMetricInput(20_000, 200, 0, 0);
        var treatment = new UserMetricInput(20_000, 290, 0, 0);

        var comparison = ProportionTest.Compare(control.Conversions, treatment.Conversions);

        Assert.True(guardrail.IsBreached(comparison.AbsoluteLiftInterval));
    }
}
