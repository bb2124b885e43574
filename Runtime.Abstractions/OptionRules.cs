namespace Runtime.Abstractions;

/// <summary>
/// Checks of configuration values whose failures name the key, the value and the rule, for example
/// <c>Runtime:CallTimeout is '00:00:00': it must be greater than zero.</c> Every options validator of the runtime, the experimentation
/// library and the dashboard words the same rule the same way through these.
/// </summary>
public static class OptionRules
{
    /// <summary>Adds a failure to <paramref name="failures"/> unless <paramref name="value"/> is greater than zero.</summary>
    public static void Positive(List<string> failures, string key, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} is '{value}': it must be greater than zero.");
        }
    }

    /// <summary>Adds a failure to <paramref name="failures"/> unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void InRange<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{key} is '{value}': it must be between {min} and {max}.");
        }
    }

    /// <summary>Adds a failure to <paramref name="failures"/> unless <paramref name="value"/> is finite and not negative.</summary>
    public static void NonNegativeFinite(List<string> failures, string key, double value)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (!double.IsFinite(value) || value < 0)
        {
            failures.Add($"{key} is '{value}': it must be a finite number of zero or more.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> with one failure per line, if there is any.</summary>
    public static void ThrowIfAny(IReadOnlyList<string> failures, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), parameterName);
        }
    }
}
