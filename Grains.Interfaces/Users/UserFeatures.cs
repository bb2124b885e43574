namespace Grains.Interfaces.Users;

/// <summary>A user's features as served to callers.</summary>
public sealed record UserFeatures
{
    public string UserId { get; init; } = "";

    public long TotalEvents { get; init; }

    /// <summary>Events per type since the user was first seen.</summary>
    public Dictionary<string, long> TotalsByType { get; init; } = [];

    /// <summary>Sum of the events' value fields.</summary>
    public double ValueSum { get; init; }

    public DateTimeOffset? LastEventAt { get; init; }

    public DateTimeOffset AsOf { get; init; }
}
