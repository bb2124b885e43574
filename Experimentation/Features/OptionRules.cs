namespace Experimentation.Features;

/// <summary>Validation failures that name the configuration key, the value and the rule (shared by the Features and Trending options).</summary>
internal static class OptionRules
{
    public static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} is '{value}': it must be greater than zero.");
        }
    }

    public static void InRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} is '{value}': it must be between {min} and {max}.");
        }
    }

    public static void NonNegativeFinite(List<string> failures, string key, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            failures.Add($"{key} is '{value}': it must be a finite number of zero or more.");
        }
    }

    public static void ThrowIfAny(IReadOnlyList<string> failures, string parameterName)
    {
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), parameterName);
        }
    }
}
