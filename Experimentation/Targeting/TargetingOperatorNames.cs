using System.Collections.Frozen;

namespace Experimentation.Targeting;

/// <summary>The wire names of <see cref="TargetingOperator"/> (eq, neq, in, not_in, gt, gte, lt, lte, exists, not_exists).</summary>
public static class TargetingOperatorNames
{
    private static readonly FrozenDictionary<string, TargetingOperator> ByName = new Dictionary<string, TargetingOperator>
    {
        ["eq"] = TargetingOperator.Eq,
        ["neq"] = TargetingOperator.Neq,
        ["in"] = TargetingOperator.In,
        ["not_in"] = TargetingOperator.NotIn,
        ["gt"] = TargetingOperator.Gt,
        ["gte"] = TargetingOperator.Gte,
        ["lt"] = TargetingOperator.Lt,
        ["lte"] = TargetingOperator.Lte,
        ["exists"] = TargetingOperator.Exists,
        ["not_exists"] = TargetingOperator.NotExists,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryParse(string? name, out TargetingOperator op) => ByName.TryGetValue(name ?? "", out op);

    public static string NameOf(TargetingOperator op) => ByName.First(pair => pair.Value == op).Key;
}
