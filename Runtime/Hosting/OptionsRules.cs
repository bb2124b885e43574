using Microsoft.Extensions.Options;

namespace Runtime.Hosting;

/// <summary>Builds validation failures that name the configuration key, the value and the rule.</summary>
internal static class OptionsRules
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

    public static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
