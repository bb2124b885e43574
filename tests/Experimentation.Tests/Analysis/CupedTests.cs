using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class CupedTests
{
    public static IEnumerable<object[]> RCases => ReferenceValues.Cases("cuped");

    [Theory]
    [MemberData(nameof(RCases))]
    public void Adjust_RCase_MatchesPerUserComputation(int number)
    {
        var r = ReferenceValues.Case("cuped", number);
        var variants = Enumerable.Range(1, (int)r["variants"]).Select(v => new CupedSums(
            r[$"count_{v}"], r[$"sum_y_{v}"], r[$"sum_y2_{v}"], r[$"sum_x_{v}"], r[$"sum_x2_{v}"], r[$"sum_xy_{v}"])).ToArray();

        var result = Cuped.Adjust(variants);

        ReferenceValues.AssertClose(r["theta"], result.Theta, "theta");
        ReferenceValues.AssertClose(r["variance_reduction"], result.VarianceReduction, "variance reduction");
        for (var v = 1; v <= variants.Length; v++)
        {
            var variant = result.Variants[v - 1];
            ReferenceValues.AssertClose(r[$"mean_{v}"], variant.Mean, $"mean {v}");
            ReferenceValues.AssertClose(r[$"var_{v}"], variant.Variance, $"variance {v}");
            ReferenceValues.AssertClose(r[$"adjusted_mean_{v}"], variant.AdjustedMean, $"adjusted mean {v}");
            ReferenceValues.AssertClose(r[$"adjusted_var_{v}"], variant.AdjustedVariance, $"adjusted variance {v}");
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void Adjust_CorrelatedCovariate_ReducesVarianceByRhoSquared(double rho)
    {
        var random = new Random(99);
        var variants = new CupedSums[2];
        for (var v = 0; v < variants.Length; v++)
        {
            for (var user = 0; user < 20_000; user++)
            {
                var x = Simulation.StandardNormal(random);
                var y = 3 + 0.1 * v + rho * x + Math.Sqrt(1 - rho * rho) * Simulation.StandardNormal(random);
                variants[v] += CupedSums.ForUser(y, x);
            }
        }

        var result = Cuped.Adjust(variants);

        Assert.InRange(result.VarianceReduction, rho * rho - 0.02, rho * rho + 0.02);
        Assert.InRange(result.Theta, rho - 0.02, rho + 0.02);
        Assert.All(result.Variants, v => Assert.InRange(v.VarianceReduction, rho * rho - 0.03, rho * rho + 0.03));
    }

    [Fact]
    public void Adjust_ImbalancedCovariate_ShiftsMeansTowardPooledCovariate()
    {
        // The treatment happened to get users with a higher pre-period value; CUPED removes that luck.
        var control = CupedSums.ForUser(1, 0) + CupedSums.ForUser(3, 2);
        var treatment = CupedSums.ForUser(3, 2) + CupedSums.ForUser(5, 4);

        var result = Cuped.Adjust([control, treatment]);

        Assert.Equal(1, result.Theta, 12);
        Assert.Equal(result.Variants[0].AdjustedMean, result.Variants[1].AdjustedMean, 12);
        Assert.Equal(1, result.VarianceReduction, 12);
    }

    [Fact]
    public void Adjust_ConstantCovariate_LeavesMetricUnchanged()
    {
        var variant = CupedSums.ForUser(1, 0) + CupedSums.ForUser(4, 0) + CupedSums.ForUser(7, 0);

        var result = Cuped.Adjust([variant]);

        Assert.Equal(0, result.Theta);
        Assert.Equal(result.Variants[0].Unadjusted, result.Variants[0].Adjusted);
        Assert.Equal(0, result.VarianceReduction);
    }
}
