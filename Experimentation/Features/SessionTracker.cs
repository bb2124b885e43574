namespace Experimentation.Features;

/// <summary>
/// The user's current session. A later event joins it unless it comes more than the gap after the
/// last one or names another session id; an earlier (out-of-order) event joins it only when it is
/// within the allowed lateness, names no other session and is within the gap of the session's span,
/// possibly moving the start earlier. Earlier sessions are not kept.
/// </summary>
internal sealed class SessionTracker(long gapMs)
{
    public string? Id { get; private set; }

    public long StartMs { get; private set; }

    public long LastMs { get; private set; }

    public int EventCount { get; private set; }

    /// <summary>Counts the event in a session when it belongs to one; returns the session id the event is attributed to.</summary>
    public string? Observe(string? sessionId, long timeMs, bool late)
    {
        var otherSession = sessionId is not null && sessionId != Id;
        if (Id is null || (timeMs >= LastMs && (otherSession || timeMs - LastMs > gapMs)))
        {
            Id = sessionId ?? $"s-{timeMs}";
            StartMs = LastMs = timeMs;
            EventCount = 1;
            return Id;
        }

        if (timeMs >= LastMs)
        {
            LastMs = timeMs;
            EventCount++;
            return Id;
        }

        if (late || otherSession || timeMs < StartMs - gapMs)
        {
            return sessionId;
        }

        StartMs = Math.Min(StartMs, timeMs);
        EventCount++;
        return Id;
    }

    public UserSession? At(long nowMs) => Id is null
        ? null
        : new UserSession(
            Id,
            DateTimeOffset.FromUnixTimeMilliseconds(StartMs),
            DateTimeOffset.FromUnixTimeMilliseconds(LastMs),
            EventCount,
            TimeSpan.FromMilliseconds(LastMs - StartMs),
            nowMs - LastMs <= gapMs);

    public void Restore(string? id, long startMs, long lastMs, int eventCount)
    {
        Id = id;
        StartMs = startMs;
        LastMs = lastMs;
        EventCount = eventCount;
    }
}
