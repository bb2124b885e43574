using System.Text.Json;
using Grains.Interfaces.Events;

namespace Grains.Interfaces.Experiments;

public static partial class ExperimentValidator
{
    private static void Targeting(List<ValidationError> errors, List<TargetingCondition>? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.Count > ExperimentLimits.MaxTargetingConditions)
        {
            errors.Add(new("targeting", $"has {conditions.Count} conditions; at most {ExperimentLimits.MaxTargetingConditions} are allowed"));
        }

        for (var i = 0; i < conditions.Count; i++)
        {
            var field = $"targeting[{i}]";
            if (conditions[i] is not { } condition)
            {
                errors.Add(new(field, "must be an object"));
                continue;
            }

            if (!IsValidName(condition.Attribute))
            {
                errors.Add(new($"{field}.attribute", string.IsNullOrEmpty(condition.Attribute) ? "is required" : NameRule));
            }

            if (!TargetingOperators.All.Contains(condition.Operator ?? "", StringComparer.Ordinal))
            {
                errors.Add(new($"{field}.operator", $"'{condition.Operator}' is not one of: {string.Join(", ", TargetingOperators.All)}"));
                continue;
            }

            Operands(errors, field, condition);
        }
    }

    private static void Operands(List<ValidationError> errors, string field, TargetingCondition condition)
    {
        var op = condition.Operator;
        var hasValue = condition.Value is { ValueKind: not JsonValueKind.Null };
        var kind = condition.Value?.ValueKind ?? JsonValueKind.Null;
        if (op is TargetingOperators.In or TargetingOperators.NotIn)
        {
            if (hasValue)
            {
                errors.Add(new($"{field}.value", $"must be absent for {op}; give the set as values"));
            }

            SetValues(errors, field, condition.Values);
            return;
        }

        if (condition.Values is not null)
        {
            errors.Add(new($"{field}.values", $"must be absent for {op}; only in and not_in take a set"));
        }

        if (op is TargetingOperators.Exists or TargetingOperators.NotExists)
        {
            if (hasValue)
            {
                errors.Add(new($"{field}.value", $"must be absent for {op}"));
            }
        }
        else if (TargetingOperators.Orderings.Contains(op, StringComparer.Ordinal))
        {
            if (kind != JsonValueKind.Number)
            {
                errors.Add(new($"{field}.value", $"must be a number for {op}"));
            }
        }
        else if (kind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            errors.Add(new($"{field}.value", $"must be a string or a number for {op}"));
        }
        else if (kind == JsonValueKind.String && condition.Value!.Value.GetString()!.Length > EventLimits.MaxTextLength)
        {
            errors.Add(new($"{field}.value", $"is longer than {EventLimits.MaxTextLength} characters"));
        }
    }

    private static void SetValues(List<ValidationError> errors, string field, List<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            errors.Add(new($"{field}.values", "must hold at least one value"));
        }
        else if (values.Count > ExperimentLimits.MaxTargetingValues)
        {
            errors.Add(new($"{field}.values", $"has {values.Count} entries; at most {ExperimentLimits.MaxTargetingValues} are allowed"));
        }
        else if (values.Any(v => v is null || v.Length > EventLimits.MaxTextLength))
        {
            errors.Add(new($"{field}.values", $"entries must be strings of at most {EventLimits.MaxTextLength} characters"));
        }
    }
}
