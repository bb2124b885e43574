namespace Grains.Interfaces.Experiments;

/// <summary>Values of <see cref="TargetingCondition.Operator"/>.</summary>
public static class TargetingOperators
{
    public const string Eq = "eq";
    public const string Neq = "neq";
    public const string In = "in";
    public const string NotIn = "not_in";
    public const string Gt = "gt";
    public const string Gte = "gte";
    public const string Lt = "lt";
    public const string Lte = "lte";
    public const string Exists = "exists";
    public const string NotExists = "not_exists";

    public static IReadOnlyList<string> All { get; } = [Eq, Neq, In, NotIn, Gt, Gte, Lt, Lte, Exists, NotExists];

    /// <summary>Operators that compare numbers and so need a numeric value.</summary>
    public static IReadOnlyList<string> Orderings { get; } = [Gt, Gte, Lt, Lte];
}
