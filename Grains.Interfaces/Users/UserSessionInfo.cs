namespace Grains.Interfaces.Users;

/// <summary>A session: events without an inactivity gap longer than the configured one (30 minutes by default).</summary>
public sealed record UserSessionInfo(string Id, DateTimeOffset Start, DateTimeOffset LastEventAt, int EventCount, double DurationSeconds, bool IsActive);
