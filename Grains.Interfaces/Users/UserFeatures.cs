namespace Grains.Interfaces.Users;

/// <summary>A user's rolling features as served by <c>GET /v1/users/{userId}/features</c>.</summary>
public sealed record UserFeatures
{
    public string UserId { get; init; } = "";

    /// <summary>Events applied since the user was first seen (duplicates by eventId excluded).</summary>
    public long TotalEvents { get; init; }

    /// <summary>Per event type, counts over the last "1m", "10m", "1h" and "24h".</summary>
    public Dictionary<string, Dictionary<string, int>> Counts { get; init; } = [];

    /// <summary>The current (or last) session; null for a user never seen.</summary>
    public UserSessionInfo? Session { get; init; }

    /// <summary>Categories by decayed affinity, strongest first.</summary>
    public List<CategoryAffinity> TopCategories { get; init; } = [];

    /// <summary>Distinct items, most recent first.</summary>
    public List<RecentItemInfo> RecentItems { get; init; } = [];

    /// <summary>A decayed, type-weighted sum of the user's events.</summary>
    public double EngagementScore { get; init; }

    /// <summary>Sum of the events' value fields.</summary>
    public double ValueSum { get; init; }

    public DateTimeOffset? LastEventAt { get; init; }

    public DateTimeOffset AsOf { get; init; }
}
