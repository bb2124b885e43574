using Experimentation.Bandits;
using Grains.Interfaces.Experiments;
using Experimentation.Analysis;

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
        var policy = ThompsonPolicyCalculator.Compute(totals, settings, new Random(PolicySeed.Of(definition.Id, definition.Version, state.Updates)));
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
                ConversionRate = Statistic.Ratio(state.Conversions[i], state.Exposures[i]),
                ValueSum = state.ValueSums[i],
                Posterior = posterior is BetaPosterior beta
                    ? new PosteriorSummary { Alpha = beta.Alpha, Beta = beta.Beta, Mean = beta.Mean, Lower = interval.Lower, Upper = interval.Upper }
                    : new PosteriorSummary { Mean = posterior.Mean, Variance = Statistic.OrNull(posterior.Variance), Lower = interval.Lower, Upper = interval.Upper },
                ProbabilityBest = policy.ProbabilityBest[i],
                ExpectedLoss = policy.ExpectedLoss[i],
                TrafficShare = Statistic.Ratio(state.Exposures[i], exposures),
            };
        }).ToList();
        return new ExperimentResults
        {
            ExperimentId = definition.Id,
            Type = definition.Type,
            Status = definition.Status,
            Version = definition.Version,
            Iteration = definition.Iteration,
            RewardKind = definition.RewardKind,
            Variants = variants,
            Srm = definition.Type == ExperimentTypes.Ab ? Srm(definition, state.Exposures) : null,
            Analysis = ExperimentAnalysisBuilder.Build(definition, state.UserTotals),
            AsOf = now,
        };
    }

    /// <summary>Pearson's chi-square of observed exposures against the configured weights (see <see cref="SampleRatioTest"/>).</summary>
    public static SrmResult? Srm(ExperimentDefinition definition, IReadOnlyList<long> exposures) =>
        SampleRatioTest.Test(exposures, definition.Variants.Select(v => v.Weight ?? 0).ToList(), SrmThreshold) is { } result
            ? new SrmResult(Statistic.OrNull(result.ChiSquare), result.DegreesOfFreedom, result.PValue, result.Mismatch)
            : null;
}
