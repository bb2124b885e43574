using Runtime.Abstractions;

namespace Experimentation.Trending;

/// <summary>Checks <see cref="TrendingOptions"/>; each failure names the configuration key, the value and the rule.</summary>
public static class TrendingOptionsValidator
{
    /// <summary>Every problem with <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(TrendingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.InRange(failures, Key(nameof(options.WindowMinutes)), options.WindowMinutes, 1, 60);
        OptionRules.InRange(failures, Key(nameof(options.MaxItems)), options.MaxItems, 1, 1_000_000);
        OptionRules.InRange(failures, Key(nameof(options.TopPerCategory)), options.TopPerCategory, 1, 1000);
        OptionRules.InRange(failures, Key(nameof(options.MaxSnapshotCategories)), options.MaxSnapshotCategories, 0, 10_000);
        return failures;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(TrendingOptions options) => OptionRules.ThrowIfAny(Validate(options), nameof(options));

    private static string Key(string property) => $"{TrendingOptions.SectionName}:{property}";
}
