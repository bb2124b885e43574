using Grains.Experiments;
using Grains.Interfaces.Experiments;

namespace Grains.Tests.Experiments;

public sealed class ExperimentAnalysisBuilderTests
{
    [Fact]
    public void Build_CorrelatedCovariateAndALift_TestsMetricsAndReducesVariance()
    {
        var definition = new ExperimentDefinition
        {
            Id = "exp",
            Type = ExperimentTypes.Ab,
            Variants = [new VariantDefinition { Name = "control", Weight = 0.5 }, new VariantDefinition { Name = "treatment", Weight = 0.5 }],
            RewardEventType = "purchase",
            Guardrails = [new GuardrailDefinition { EventType = "error" }],
        };
        var random = new Random(5);
        var totals = new[] { Simulate(random, lift: 0, errors: 0.05), Simulate(random, lift: 0.3, errors: 0.10) };

        var analysis = ExperimentAnalysisBuilder.Build(definition, totals)!;

        Assert.Equal(["purchase", "error"], analysis.Metrics.Select(m => m.EventType));
        var primary = analysis.Metrics[0].Comparisons.Single();
        Assert.Equal("treatment", primary.Variant);
        Assert.True(primary.ValueDifference!.Lower > 0, "the lift in value per user is detected");
        Assert.InRange(primary.SequentialPValue, primary.PValue, 1);
        Assert.True(analysis.Metrics[1].Comparisons.Single().GuardrailBreached, "twice the errors breaches the guardrail");
        Assert.True(analysis.Cuped!.VarianceReduction > 0.3, $"variance reduction {analysis.Cuped.VarianceReduction:F2}");
        Assert.Contains("mSPRT", analysis.SequentialMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoConversionsAnywhere_UndefinedStatisticsAreNull()
    {
        var definition = new ExperimentDefinition { Id = "flat", Variants = [new VariantDefinition { Name = "a" }, new VariantDefinition { Name = "b" }] };

        var analysis = ExperimentAnalysisBuilder.Build(definition, [new VariantUserTotals { Users = 20 }, new VariantUserTotals { Users = 20 }])!;

        var comparison = analysis.Metrics[0].Comparisons.Single();
        Assert.Equal(new Estimate(null, null, null), comparison.RelativeLift);
        Assert.Null(comparison.ZScore);
        Assert.Equal(1, comparison.PValue);
        Assert.Equal(new Estimate(0, null, null), comparison.ConfidenceSequence);
        Assert.Equal(0, analysis.Metrics[0].Variants[0].ConversionRate);
        var json = System.Text.Json.JsonSerializer.Serialize(new ExperimentResults { ExperimentId = "flat", Analysis = analysis }, Grains.Interfaces.GrainsJsonContext.Default.ExperimentResults);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CovariateVariesButNoConversions_AnalysesWithoutCuped()
    {
        var definition = new ExperimentDefinition { Id = "early", Variants = [new VariantDefinition { Name = "a" }, new VariantDefinition { Name = "b" }] };
        VariantUserTotals Arm() => new() { Users = 20, CovariateSum = 30, CovariateSumOfSquares = 90 };

        var analysis = ExperimentAnalysisBuilder.Build(definition, [Arm(), Arm()]);

        Assert.NotNull(analysis);
        Assert.Null(analysis.Cuped);
    }

    [Fact]
    public void Build_TooFewUsers_IsNull()
    {
        var definition = new ExperimentDefinition { Variants = [new VariantDefinition { Name = "a" }, new VariantDefinition { Name = "b" }] };

        Assert.Null(ExperimentAnalysisBuilder.Build(definition, [new VariantUserTotals { Users = 1 }, new VariantUserTotals { Users = 5 }]));
    }

    /// <summary>2,000 users whose value tracks their pre-exposure count (ρ ≈ 0.8), plus a lift, and some with errors.</summary>
    private static VariantUserTotals Simulate(Random random, double lift, double errors)
    {
        var totals = new VariantUserTotals();
        for (var user = 0; user < 2000; user++)
        {
            var x = (double)random.Next(0, 6);
            var y = Math.Max(0, x + lift + (random.NextDouble() - 0.5) * 3);
            var credit = new ArmCredit
            {
                Users = 1,
                ConvertedUsers = y > 0 ? 1 : 0,
                UserValueSum = y,
                UserValueSumOfSquares = y * y,
                CovariateSum = x,
                CovariateSumOfSquares = x * x,
                CovariateProduct = x * y,
                Guardrails = random.NextDouble() < errors ? [new GuardrailCredit { EventType = "error", Users = 1, Sum = 1, SumOfSquares = 1 }] : [],
            };
            totals.Add(credit);
        }

        return totals;
    }
}
