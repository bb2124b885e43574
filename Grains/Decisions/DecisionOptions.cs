namespace Grains.Decisions;

/// <summary>Settings of the decision service, in the <c>Decisions</c> section.</summary>
public sealed class DecisionOptions
{
    public const string SectionName = "Decisions";

    /// <summary>Fixes the decision randomness (tests and simulations); null draws from <see cref="Random.Shared"/>.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// How long a hash-assigned exposure stands for the same user, experiment version and variant: a
    /// repeated decide within it logs nothing. Capped per experiment at a tenth of its attribution window,
    /// so a deduplicated exposure moves the end of that window by at most a tenth. Zero logs every decide.
    /// </summary>
    public TimeSpan ExposureDedupWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Slots of the per-silo table behind <see cref="ExposureDedupWindow"/>, 8 bytes each; a power of two.</summary>
    public int ExposureDedupSlots { get; set; } = 1 << 18;
}
