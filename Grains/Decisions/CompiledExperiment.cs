using System.Text.Json;
using Experimentation.Assignment;
using Experimentation.Bandits;
using Experimentation.Targeting;
using Grains.Experiments;
using Grains.Interfaces.Experiments;

namespace Grains.Decisions;

/// <summary>An experiment snapshot prepared once for the decision hot path: hash plan, targeting rules and policy samplers.</summary>
public sealed class CompiledExperiment
{
    private readonly Dictionary<string, (PolicySampler Sampler, string Reason)> _policies = new(StringComparer.Ordinal);

    public CompiledExperiment(ExperimentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Definition = snapshot.Definition;
        var weights = Definition.Type == ExperimentTypes.Ab
            ? Definition.Variants.Select(v => v.Weight ?? 0).ToList()
            : Definition.Variants.Select(_ => 1.0).ToList();
        Plan = new AssignmentPlan(
            Definition.Id,
            weights,
            Definition.EffectiveSalt(),
            Definition.TrafficAllocation,
            Definition.Holdout,
            Definition.Layer is { } layer ? new LayerRange(layer.Name, layer.Start, layer.End) : null);
        Rules = Definition.Targeting.Select(ToRule).ToList();
        SegmentBy = Definition.Bandit?.SegmentBy ?? [];
        foreach (var policy in snapshot.Policies)
        {
            _policies[policy.Segment] = (new PolicySampler(policy.Probabilities), policy.Reason);
        }
    }

    public ExperimentDefinition Definition { get; }

    public AssignmentPlan Plan { get; }

    public IReadOnlyList<TargetingRule> Rules { get; }

    /// <summary>Context keys whose values select a contextual bandit's segment.</summary>
    public IReadOnlyList<string> SegmentBy { get; }

    /// <summary>True when targeting reads user features, which costs a call to the user's grain.</summary>
    public bool NeedsFeatures(IReadOnlyDictionary<string, string>? context) =>
        Rules.Any(rule => context is null || !context.ContainsKey(rule.Attribute));

    /// <summary>The segment's policy, or the global one when the segment has none of its own; null before the first snapshot of a bandit.</summary>
    public (PolicySampler Sampler, string Reason)? PolicyFor(string segment) =>
        _policies.TryGetValue(segment, out var policy) ? policy
        : _policies.TryGetValue("", out var global) ? global
        : null;

    /// <summary>The segment key of a context: "key=value" pairs of the segmentBy keys present, joined by '|'.</summary>
    public string SegmentOf(IReadOnlyDictionary<string, string>? context)
    {
        if (SegmentBy.Count == 0 || context is null)
        {
            return "";
        }

        return string.Join('|', SegmentBy.Where(context.ContainsKey).Select(key => key + "=" + context[key]));
    }

    private static TargetingRule ToRule(TargetingCondition condition)
    {
        if (!TargetingOperatorNames.TryParse(condition.Operator, out var op))
        {
            throw new ArgumentException($"Unknown targeting operator '{condition.Operator}'.", nameof(condition));
        }

        IReadOnlyList<string> values = condition.Values is { Count: > 0 } list ? list
            : condition.Value is { } value ? [value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()]
            : [];
        return new TargetingRule(condition.Attribute, op, values);
    }
}
