namespace Experimentation.Features;

/// <summary>The <c>UserFeatures</c> section: sessions, lateness, decay and the bounds that keep a user small.</summary>
/// <remarks>Validate once at start-up with <see cref="UserFeatureOptionsValidator"/>; models trust their options.</remarks>
public sealed class UserFeatureOptions
{
    public const string SectionName = "UserFeatures";

    /// <summary>Inactivity longer than this starts a new session.</summary>
    public TimeSpan SessionGap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How far behind the newest event an event may arrive and still join the current session.
    /// Later ones still count in windows, affinity and engagement.
    /// </summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this long a category interaction weighs half as much.</summary>
    public TimeSpan AffinityHalfLife { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this long an event's contribution to the engagement score halves.</summary>
    public TimeSpan EngagementHalfLife { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Categories tracked per user; the weakest leaves when a stronger one arrives.</summary>
    public int MaxCategories { get; set; } = 20;

    /// <summary>Distinct recent items remembered per user.</summary>
    public int MaxRecentItems { get; set; } = 20;

    /// <summary>Event types with their own counters; further types are counted as <c>other</c>.</summary>
    public int MaxEventTypes { get; set; } = 16;

    /// <summary>A user with no event for this long may be forgotten (<see cref="UserFeatureModel.IsExpired"/>).</summary>
    public TimeSpan InactivityTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Weight of each event type in affinity and engagement; types not listed weigh <see cref="DefaultEventWeight"/>.</summary>
    public Dictionary<string, double> EventWeights { get; set; } = new(StringComparer.Ordinal)
    {
        ["view"] = 1,
        ["click"] = 2,
        ["like"] = 3,
        ["add_to_cart"] = 4,
        ["purchase"] = 8,
        ["conversion"] = 8,
    };

    public double DefaultEventWeight { get; set; } = 1;

    /// <summary>The weight of <paramref name="type"/> in affinity and engagement.</summary>
    public double WeightOf(string type) => EventWeights.TryGetValue(type, out var weight) ? weight : DefaultEventWeight;
}
