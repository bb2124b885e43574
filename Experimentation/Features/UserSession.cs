namespace Experimentation.Features;

/// <summary>The user's latest session as of a view.</summary>
/// <param name="Id">The events' session id, or <c>s-</c> + start in Unix milliseconds when they carry none.</param>
/// <param name="Start">The earliest event counted in the session.</param>
/// <param name="LastEventAt">The latest event counted in the session.</param>
/// <param name="EventCount">Events counted in the session.</param>
/// <param name="Duration">From <paramref name="Start"/> to <paramref name="LastEventAt"/>.</param>
/// <param name="IsActive">Whether the view's time is within the session gap after the last event.</param>
public sealed record UserSession(string Id, DateTimeOffset Start, DateTimeOffset LastEventAt, int EventCount, TimeSpan Duration, bool IsActive);
