namespace Grains.Interfaces.Users;

/// <summary>An item the user interacted with, when, and in which session.</summary>
public sealed record RecentItemInfo(string ItemId, DateTimeOffset SeenAt, string? SessionId);
