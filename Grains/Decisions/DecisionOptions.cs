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

    /// <summary>
    /// How far a reward's event time (the client's clock) may lie before its exposure's time (the
    /// server's) and still be credited to it. A reward that reaches the user's grain before its exposure
    /// is held this long, in event time, for the exposure to arrive. Zero credits only rewards stamped at
    /// or after the exposure, and holds none.
    /// </summary>
    public TimeSpan ClockSkewTolerance { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Slots of the per-silo table behind <see cref="ExposureDedupWindow"/>, 8 bytes each; a power of two.</summary>
    public int ExposureDedupSlots { get; set; } = 1 << 18;
}
