using Runtime.Abstractions;

namespace Experimentation.Features;

/// <summary>Checks <see cref="UserFeatureOptions"/>; each failure names the configuration key, the value and the rule.</summary>
public static class UserFeatureOptionsValidator
{
    /// <summary>Every problem with <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(UserFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.Positive(failures, Key(nameof(options.SessionGap)), options.SessionGap);
        if (options.SessionGap > RollingWindows.Longest)
        {
            failures.Add($"{Key(nameof(options.SessionGap))} is '{options.SessionGap}': it must be at most {RollingWindows.Longest}.");
        }

        if (options.AllowedLateness < TimeSpan.Zero || options.AllowedLateness >= RollingWindows.Longest)
        {
            failures.Add($"{Key(nameof(options.AllowedLateness))} is '{options.AllowedLateness}': it must be zero or more and less than {RollingWindows.Longest} (the longest window).");
        }

        OptionRules.Positive(failures, Key(nameof(options.AffinityHalfLife)), options.AffinityHalfLife);
        OptionRules.Positive(failures, Key(nameof(options.EngagementHalfLife)), options.EngagementHalfLife);
        OptionRules.Positive(failures, Key(nameof(options.InactivityTtl)), options.InactivityTtl);
        OptionRules.InRange(failures, Key(nameof(options.MaxCategories)), options.MaxCategories, 1, 1000);
        OptionRules.InRange(failures, Key(nameof(options.MaxRecentItems)), options.MaxRecentItems, 0, 1000);
        // One slot is kept for "other", so fewer than two would leave no room for a real type.
        OptionRules.InRange(failures, Key(nameof(options.MaxEventTypes)), options.MaxEventTypes, 2, 64);
        OptionRules.NonNegativeFinite(failures, Key(nameof(options.DefaultEventWeight)), options.DefaultEventWeight);
        foreach (var (type, weight) in options.EventWeights ?? [])
        {
            OptionRules.NonNegativeFinite(failures, $"{Key(nameof(options.EventWeights))}:{type}", weight);
        }

        return failures;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(UserFeatureOptions options) => OptionRules.ThrowIfAny(Validate(options), nameof(options));

    private static string Key(string property) => $"{UserFeatureOptions.SectionName}:{property}";
}
