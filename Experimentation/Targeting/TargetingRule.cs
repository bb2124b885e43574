using System.Globalization;

namespace Experimentation.Targeting;

/// <summary>
/// One targeting condition: <see cref="Attribute"/> compared by <see cref="Operator"/> with
/// <see cref="Values"/> (one value for eq, neq and the orderings; a set for in and not_in; none for
/// exists and not_exists). Values are text; those that read as invariant numbers also compare numerically.
/// </summary>
public sealed class TargetingRule
{
    private readonly double[] _numbers;

    public TargetingRule(string attribute, TargetingOperator op, params IReadOnlyList<string> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        ArgumentNullException.ThrowIfNull(values);
        var expected = op switch
        {
            TargetingOperator.Exists or TargetingOperator.NotExists => values.Count == 0,
            TargetingOperator.In or TargetingOperator.NotIn => values.Count > 0,
            _ => values.Count == 1,
        };
        if (!expected)
        {
            throw new ArgumentException($"Operator {op} does not take {values.Count} value(s).", nameof(values));
        }

        Attribute = attribute;
        Operator = op;
        Values = [.. values];
        _numbers = [.. values.Select(v => TryNumber(v, out var n) ? n : double.NaN)];
    }

    public string Attribute { get; }

    public TargetingOperator Operator { get; }

    public IReadOnlyList<string> Values { get; }

    /// <summary>The value at <paramref name="index"/> as a number, or NaN when it does not read as one.</summary>
    public double NumberAt(int index) => _numbers[index];

    /// <summary>Reads invariant-culture numbers, the form JSON numbers take as text.</summary>
    public static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
