namespace Experimentation.Features;

/// <summary>An immutable picture of a user's features at <see cref="AsOf"/>.</summary>
public sealed record UserFeatureView
{
    /// <summary>Events applied since the user was first seen (events ignored as too old excluded).</summary>
    public long TotalEvents { get; init; }

    /// <summary>Rolling counts per event type, ordered by type; types with nothing in the last 24 h are left out.</summary>
    public IReadOnlyDictionary<string, WindowCounts> Counts { get; init; } = new Dictionary<string, WindowCounts>();

    /// <summary>The latest session, active or not; null before the first event.</summary>
    public UserSession? Session { get; init; }

    /// <summary>Tracked categories, highest decayed affinity first.</summary>
    public IReadOnlyList<CategoryScore> TopCategories { get; init; } = [];

    /// <summary>Distinct items, most recent first.</summary>
    public IReadOnlyList<RecentItem> RecentItems { get; init; } = [];

    /// <summary>Decayed sum of the events' type weights.</summary>
    public double EngagementScore { get; init; }

    /// <summary>Sum of the applied events' values.</summary>
    public double ValueSum { get; init; }

    /// <summary>Timestamp of the newest event; the inactivity TTL runs from here.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    public DateTimeOffset AsOf { get; init; }

    /// <summary>The recent items seen in <see cref="Session"/>, most recent first.</summary>
    public IEnumerable<RecentItem> ItemsInCurrentSession() =>
        Session is { } session ? RecentItems.Where(i => i.SessionId == session.Id) : [];
}
