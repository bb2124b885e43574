namespace Experimentation.Targeting;

/// <summary>How a <see cref="TargetingRule"/> compares a user's attribute or feature with its values.</summary>
public enum TargetingOperator
{
    Eq,
    Neq,
    In,
    NotIn,
    Gt,
    Gte,
    Lt,
    Lte,
    Exists,
    NotExists,
}
