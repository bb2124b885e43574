namespace Grains.Users;

/// <summary>What a user grain persists. Kept separate from the wire type <c>UserFeatures</c>.</summary>
public sealed record UserState
{
    public long TotalEvents { get; set; }

    public Dictionary<string, long> TotalsByType { get; set; } = new(StringComparer.Ordinal);

    public double ValueSum { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }
}
