using Runtime.Abstractions;

namespace Grains.Decisions;

/// <summary>Checks <see cref="DecisionOptions"/>; each failure names the configuration key, the value and the rule.</summary>
public static class DecisionOptionsValidator
{
    public const int MinSlots = 1 << 10;

    public const int MaxSlots = 1 << 24;

    /// <summary>Events may be stamped up to 5 minutes in the future; a skew beyond that is a broken clock, not skew.</summary>
    public static readonly TimeSpan MaxClockSkewTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(DecisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.InRange(failures, Key(nameof(options.ExposureDedupWindow)), options.ExposureDedupWindow, TimeSpan.Zero, TimeSpan.FromDays(1));
        OptionRules.InRange(failures, Key(nameof(options.ExposureDedupSlots)), options.ExposureDedupSlots, MinSlots, MaxSlots);
        OptionRules.InRange(failures, Key(nameof(options.ClockSkewTolerance)), options.ClockSkewTolerance, TimeSpan.Zero, MaxClockSkewTolerance);
        if (!int.IsPow2(options.ExposureDedupSlots))
        {
            failures.Add($"{Key(nameof(options.ExposureDedupSlots))} is '{options.ExposureDedupSlots}': it must be a power of two.");
        }

        return failures;
    }

    private static string Key(string property) => $"{DecisionOptions.SectionName}:{property}";
}
