using Experimentation.Assignment;
using Experimentation.Targeting;
using Grains.Experiments;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Users;
using Runtime.Abstractions;

namespace Grains.Decisions;

/// <summary>
/// Answers "which variant should this user see?" from the locally cached experiment snapshots: a
/// hash for ab splits, a draw from the precomputed Thompson policy for bandits. Each counted
/// decision appends an exposure (with its propensity) to the user's stream, where the user grain
/// later credits rewards to it. A hash-assigned exposure that repeats one logged within
/// <see cref="DecisionOptions.ExposureDedupWindow"/> is not logged again; a bandit's draws always are,
/// since each one is a trial of the arm it chose.
/// </summary>
public sealed class DecisionService(
    ExperimentCatalog catalog,
    IGrainFactory grains,
    ExposureLog exposures,
    ExposureDeduplicator deduplicator,
    IRandomSource random,
    TimeProvider time,
    DecisionInstruments? instruments = null)
{
    /// <summary>Decides every requested experiment; null with the unknown ids when any does not exist.</summary>
    public async Task<(DecisionResponse? Response, IReadOnlyList<string> Unknown)> DecideAsync(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var explicitIds = request.Experiments is { Count: > 0 };
        var ids = explicitIds
            ? request.Experiments!.Distinct(StringComparer.Ordinal).ToList()
            : catalog.All().Where(s => s.Definition.Status == ExperimentStatuses.Running).Select(s => s.Definition.Id).ToList();
        var compiled = new List<CompiledExperiment>(ids.Count);
        var unknown = new List<string>();
        foreach (var id in ids)
        {
            if (catalog.TryGet(id, out var experiment))
            {
                compiled.Add(experiment);
            }
            else
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count > 0)
        {
            return (null, unknown);
        }

        var features = compiled.Any(e => e.Rules.Count > 0 && e.NeedsFeatures(request.Context))
            ? FeatureAttributes.Of(await grains.GetGrain<IUserGrain>(request.UserId).GetFeaturesAsync().ConfigureAwait(false))
            : null;
        var targeting = new TargetingContext(request.Context, features);
        var decisionId = Guid.CreateVersion7().ToString("N");
        var now = time.GetUtcNow();
        var decisions = new List<ExperimentDecision>(compiled.Count);
        foreach (var experiment in compiled)
        {
            var decision = Decide(experiment, request.UserId, request.Context, targeting, decisionId, now, out var exposure);
            instruments?.Decided(decision.Reason);
            if (exposure is not null)
            {
                if (decision.Reason != DecisionReasons.Hash || deduplicator.ShouldLog(request.UserId, experiment.Definition, exposure.Variant, now))
                {
                    exposures.Append(exposure.ToEvent(request.UserId));
                }
                else
                {
                    instruments?.ExposureDeduplicated();
                }
            }

            if (explicitIds || decision.Reason is not (DecisionReasons.NotTargeted or DecisionReasons.Stopped))
            {
                decisions.Add(decision);
            }
        }

        return (new DecisionResponse { DecisionId = decisionId, UserId = request.UserId, Decisions = decisions }, []);
    }

    /// <summary>One experiment's decision; <paramref name="exposure"/> is set when the decision counts as a trial.</summary>
    public ExperimentDecision Decide(
        CompiledExperiment experiment,
        string userId,
        IReadOnlyDictionary<string, string>? context,
        TargetingContext targeting,
        string decisionId,
        DateTimeOffset now,
        out Exposure? exposure)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        exposure = null;
        var definition = experiment.Definition;
        if (definition.Status != ExperimentStatuses.Running)
        {
            return Control(definition, DecisionReasons.Stopped);
        }

        if (experiment.Rules.Count > 0 && !TargetingEvaluator.Matches(experiment.Rules, targeting))
        {
            return Control(definition, DecisionReasons.NotTargeted);
        }

        var outcome = Assigner.Assign(experiment.Plan, userId);
        switch (outcome.Kind)
        {
            case AssignmentKind.Holdout:
                return Control(definition, DecisionReasons.Holdout);
            case AssignmentKind.NotInLayerRange or AssignmentKind.NotInTraffic:
                return Control(definition, DecisionReasons.NotTargeted);
        }

        var segment = experiment.SegmentOf(context);
        int arm;
        double propensity;
        string reason;
        if (definition.Type == ExperimentTypes.Bandit && experiment.PolicyFor(segment) is { } policy)
        {
            var choice = policy.Sampler.Choose(random.NextDouble());
            (arm, propensity, reason) = (choice.Arm, choice.Propensity, policy.Reason);
        }
        else if (definition.Type == ExperimentTypes.Bandit)
        {
            // No policy published yet: uniform, as burn-in would be.
            arm = Math.Min((int)(random.NextDouble() * definition.Variants.Count), definition.Variants.Count - 1);
            (propensity, reason) = (1.0 / definition.Variants.Count, DecisionReasons.BurnIn);
        }
        else
        {
            (arm, propensity, reason) = (outcome.VariantIndex, outcome.Propensity, DecisionReasons.Hash);
        }

        var variant = definition.Variants[arm];
        exposure = new Exposure
        {
            ExperimentId = definition.Id,
            Variant = variant.Name,
            DecisionId = decisionId,
            Propensity = propensity,
            Segment = segment,
            RewardEventType = definition.RewardEventType,
            Continuous = definition.RewardKind == RewardKinds.Continuous,
            WindowSeconds = definition.AttributionWindowSeconds,
            At = now,
            DefinitionVersion = definition.Version,
            Iteration = definition.Iteration,
            Guardrails = [.. definition.Guardrails.Select(g => g.EventType)],
        };
        return new ExperimentDecision { ExperimentId = definition.Id, Variant = variant.Name, Config = variant.Config, Propensity = propensity, Reason = reason };
    }

    private static ExperimentDecision Control(ExperimentDefinition definition, string reason) => new()
    {
        ExperimentId = definition.Id,
        Variant = definition.Variants[0].Name,
        Config = definition.Variants[0].Config,
        Propensity = 1,
        Reason = reason,
    };
}
