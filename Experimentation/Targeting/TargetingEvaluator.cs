namespace Experimentation.Targeting;

/// <summary>
/// Decides whether a user is eligible for an experiment: every rule must hold. A missing attribute fails
/// every rule except not_exists (so neq and not_in do not admit users about whom nothing is known). Text
/// compares case-insensitively; orderings compare numbers, and fail when either side is not a number.
/// </summary>
public static class TargetingEvaluator
{
    /// <summary>True when every rule holds (and so when there are none).</summary>
    public static bool Matches(IReadOnlyList<TargetingRule> rules, TargetingContext context)
    {
        ArgumentNullException.ThrowIfNull(rules);
        for (var i = 0; i < rules.Count; i++)
        {
            if (!Matches(rules[i], context))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(TargetingRule rule, TargetingContext context)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(context);
        var actual = Lookup(context, rule.Attribute);
        if (rule.Operator == TargetingOperator.NotExists)
        {
            return !actual.Present;
        }

        if (!actual.Present)
        {
            return false;
        }

        return rule.Operator switch
        {
            TargetingOperator.Exists => true,
            TargetingOperator.Eq => EqualsAny(rule, actual),
            TargetingOperator.Neq => !EqualsAny(rule, actual),
            TargetingOperator.In => EqualsAny(rule, actual),
            TargetingOperator.NotIn => !EqualsAny(rule, actual),
            _ => Compare(rule, actual),
        };
    }

    private static Actual Lookup(TargetingContext context, string attribute)
    {
        if (context.Attributes.TryGetValue(attribute, out var text))
        {
            return new(true, text, TargetingRule.TryNumber(text, out var parsed) ? parsed : double.NaN);
        }

        return context.Features.TryGetValue(attribute, out var number) ? new(true, null, number) : default;
    }

    private static bool EqualsAny(TargetingRule rule, Actual actual)
    {
        for (var i = 0; i < rule.Values.Count; i++)
        {
            // NaN never equals, so a non-numeric side only matches as text.
            if (actual.Number == rule.NumberAt(i)
                || (actual.Text is not null && string.Equals(actual.Text, rule.Values[i], StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Compare(TargetingRule rule, Actual actual)
    {
        var threshold = rule.NumberAt(0);
        if (double.IsNaN(actual.Number) || double.IsNaN(threshold))
        {
            return false;
        }

        return rule.Operator switch
        {
            TargetingOperator.Gt => actual.Number > threshold,
            TargetingOperator.Gte => actual.Number >= threshold,
            TargetingOperator.Lt => actual.Number < threshold,
            TargetingOperator.Lte => actual.Number <= threshold,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Operator, "Unknown targeting operator."),
        };
    }

    private readonly record struct Actual(bool Present, string? Text, double Number);
}
