using Experimentation.Bandits;
using Grains.Interfaces.Experiments;
using MathNet.Numerics.Distributions;

namespace Grains.Experiments;

/// <summary>Builds an experiment's results from its undiscounted per-variant totals.</summary>
internal static class ExperimentResultsBuilder
{
    /// <summary>SRM is flagged below this p-value: a real mismatch, not noise, at the volumes experiments run at.</summary>
    public const double SrmThreshold = 0.001;

    public static ExperimentResults Build(ExperimentDefinition definition, ExperimentState state, DateTimeOffset now)
    {
        var settings = BanditSettingsMapping.From(definition) with { BurnInTrials = 0, MinExplorationShare = 0 };
        var totals = definition.Variants.Select((_, i) => new ArmStatistics(state.Exposures[i], state.Conversions[i], state.ValueSums[i], state.ValueSumsOfSquares[i])).ToList();
        var policy = ThompsonPolicyCalculator.Compute(totals, settings, new Random(HashCode.Combine(definition.Version, state.Updates)));
        var exposures = state.Exposures.Sum();
        var variants = definition.Variants.Select((variant, i) =>
        {
            var posterior = ThompsonPolicyCalculator.Posterior(totals[i], settings);
            var interval = posterior.Interval(0.95);
            return new VariantResult
            {
                Name = variant.Name,
                Exposures = state.Exposures[i],
                Conversions = state.Conversions[i],
                ConversionRate = state.Exposures[i] > 0 ? (double)state.Conversions[i] / state.Exposures[i] : 0,
                ValueSum = state.ValueSums[i],
                Posterior = posterior is BetaPosterior beta
                    ? new PosteriorSummary { Alpha = beta.Alpha, Beta = beta.Beta, Mean = beta.Mean, Lower = interval.Lower, Upper = interval.Upper }
                    : new PosteriorSummary { Mean = posterior.Mean, Variance = posterior.Variance, Lower = interval.Lower, Upper = interval.Upper },
                ProbabilityBest = policy.ProbabilityBest[i],
                TrafficShare = exposures > 0 ? (double)state.Exposures[i] / exposures : 0,
            };
        }).ToList();
        return new ExperimentResults
        {
            ExperimentId = definition.Id,
            Type = definition.Type,
            Status = definition.Status,
            Version = definition.Version,
            RewardKind = definition.RewardKind,
            Variants = variants,
            Srm = definition.Type == ExperimentTypes.Ab ? Srm(definition, state.Exposures) : null,
            AsOf = now,
        };
    }

    /// <summary>Pearson's chi-square of observed exposures against the configured weights, over the variants with a positive weight.</summary>
    public static SrmResult? Srm(ExperimentDefinition definition, IReadOnlyList<long> exposures)
    {
        var cells = definition.Variants.Select((v, i) => (Weight: v.Weight ?? 0, Observed: (double)exposures[i])).Where(c => c.Weight > 0).ToList();
        var total = cells.Sum(c => c.Observed);
        if (cells.Count < 2 || total <= 0)
        {
            return null;
        }

        var weightSum = cells.Sum(c => c.Weight);
        var statistic = cells.Sum(c =>
        {
            var expected = total * c.Weight / weightSum;
            return (c.Observed - expected) * (c.Observed - expected) / expected;
        });
        var freedom = cells.Count - 1;
        var p = 1 - ChiSquared.CDF(freedom, statistic);
        return new SrmResult(statistic, freedom, p, p < SrmThreshold);
    }
}
