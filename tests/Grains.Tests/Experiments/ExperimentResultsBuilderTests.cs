using Grains.Experiments;
using Grains.Interfaces.Experiments;

namespace Grains.Tests.Experiments;

public sealed class ExperimentResultsBuilderTests
{
    private static readonly ExperimentDefinition Split = new()
    {
        Id = "srm",
        Type = ExperimentTypes.Ab,
        Variants = [new VariantDefinition { Name = "control", Weight = 0.5 }, new VariantDefinition { Name = "treatment", Weight = 0.5 }],
    };

    [Fact]
    public void Srm_BalancedExposures_NoMismatch()
    {
        var srm = ExperimentResultsBuilder.Srm(Split, [5000, 5000])!;

        Assert.Equal(0, srm.ChiSquare);
        Assert.Equal(1, srm.PValue, 12);
        Assert.False(srm.Mismatch);
    }

    [Fact]
    public void Srm_SkewedExposures_ClosedFormStatisticAndFlag()
    {
        // (5200 − 5000)² / 5000 · 2 = 16; P(χ²₁ > 16) = erfc(√8) ≈ 6.334e-5.
        var srm = ExperimentResultsBuilder.Srm(Split, [5200, 4800])!;

        Assert.Equal(16, srm.ChiSquare!.Value, 9);
        Assert.Equal(6.334248366623996e-05, srm.PValue, 12);
        Assert.True(srm.Mismatch);
    }

    [Fact]
    public void Build_Counts_PosteriorAndShareFromTheTotals()
    {
        var state = new ExperimentState { Exposures = [100, 300], Conversions = [10, 60], ValueSums = [10, 60], ValueSumsOfSquares = [10, 60] };

        var results = ExperimentResultsBuilder.Build(Split, state, DateTimeOffset.UnixEpoch);

        var treatment = results.Variants[1];
        Assert.Equal((300L, 60L, (double?)0.2, (double?)0.75), (treatment.Exposures, treatment.Conversions, treatment.ConversionRate, treatment.TrafficShare));
        Assert.Equal((61.0, 241.0), (treatment.Posterior.Alpha!.Value, treatment.Posterior.Beta!.Value));
        Assert.True(treatment.ProbabilityBest > 0.95);
    }

    [Fact]
    public void Build_NoExposures_RateAndShareAreNull()
    {
        var state = new ExperimentState { Exposures = [0, 0], Conversions = [0, 0], ValueSums = [0, 0], ValueSumsOfSquares = [0, 0] };

        var results = ExperimentResultsBuilder.Build(Split, state, DateTimeOffset.UnixEpoch);

        Assert.All(results.Variants, v => Assert.Null(v.ConversionRate));
        Assert.All(results.Variants, v => Assert.Null(v.TrafficShare));
        Assert.Null(results.Srm);
    }

    [Fact]
    public void Srm_ExposuresOfAZeroWeightVariant_InfiniteStatisticIsNull()
    {
        var definition = Split with { Variants = [.. Split.Variants, new VariantDefinition { Name = "off", Weight = 0 }] };

        var srm = ExperimentResultsBuilder.Srm(definition, [500, 500, 3])!;

        Assert.Null(srm.ChiSquare);
        Assert.True(srm.Mismatch);
    }

    [Fact]
    public void Build_ContinuousRewardWithoutTrials_InfiniteVarianceIsNull()
    {
        // The default prior's shape is 1: the posterior's variance stays infinite until there are trials.
        var continuous = Split with { RewardKind = RewardKinds.Continuous };
        var state = new ExperimentState { Exposures = [0, 0], Conversions = [0, 0], ValueSums = [0, 0], ValueSumsOfSquares = [0, 0] };

        var results = ExperimentResultsBuilder.Build(continuous, state, DateTimeOffset.UnixEpoch);

        Assert.All(results.Variants, v => Assert.Null(v.Posterior.Variance));
    }
}
