namespace Experimentation.Features;

/// <summary>An item the user interacted with, when, and in which session (null when the event was outside any known session).</summary>
public readonly record struct RecentItem(string ItemId, DateTimeOffset SeenAt, string? SessionId);
