namespace Storage.Configuration;

/// <summary>
/// Configuration checks whose failures name the key, the value and the rule, for example
/// <c>Storage:MaxGroupSize is '0': it must be between 1 and 10000.</c>
/// </summary>
internal static class OptionChecks
{
    public static void InRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} is '{value}': it must be between {min} and {max}.");
        }
    }

    public static void NotEmpty(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is '{value}': it must not be empty.");
        }
    }

    public static void OneOf(List<string> failures, string key, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{key} is '{value}': it must be one of {string.Join(", ", allowed)}.");
        }
    }
}
