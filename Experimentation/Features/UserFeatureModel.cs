namespace Experimentation.Features;

/// <summary>
/// One user's rolling features: window counts per event type, the current session, decayed category
/// affinity and engagement, and recent items. Bounded in memory by the options' limits; times are
/// kept at millisecond precision. Not thread-safe: the owning grain applies events one at a time.
/// </summary>
public sealed partial class UserFeatureModel
{
    private static readonly long LongestWindowMs = (long)RollingWindows.Longest.TotalMilliseconds;

    private readonly UserFeatureOptions _options;
    private readonly long _latenessMs;
    private readonly long _engagementHalfLifeMs;
    private RollingCounts _counts;
    private SessionTracker _session;
    private CategoryAffinity _affinity;
    private RecentItemList _recent;
    private DecayedScore _engagement;
    private long _lastEventMs;
    private long _totalEvents;
    private double _valueSum;

    /// <param name="options">Validated once at start-up (<see cref="UserFeatureOptionsValidator"/>) and shared by every user.</param>
    public UserFeatureModel(UserFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _latenessMs = Milliseconds(options.AllowedLateness);
        _engagementHalfLifeMs = Milliseconds(options.EngagementHalfLife);
        _counts = new RollingCounts(options.MaxEventTypes);
        _session = new SessionTracker(Milliseconds(options.SessionGap));
        _affinity = new CategoryAffinity(options.MaxCategories, Milliseconds(options.AffinityHalfLife));
        _recent = new RecentItemList(options.MaxRecentItems);
    }

    public long TotalEvents => _totalEvents;

    /// <summary>Timestamp of the newest applied event; null before the first.</summary>
    public DateTimeOffset? LastEventAt => _totalEvents == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(_lastEventMs);

    /// <summary>
    /// Applies one event. Events older than the longest window (24 h before <paramref name="now"/>)
    /// change nothing; events more than the allowed lateness behind the newest one are counted
    /// everywhere but the session.
    /// </summary>
    public FeatureApplyResult Apply(in FeatureEvent interaction, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(interaction.Type, nameof(interaction));
        var timeMs = interaction.Timestamp.ToUnixTimeMilliseconds();
        if (timeMs < now.ToUnixTimeMilliseconds() - LongestWindowMs)
        {
            return FeatureApplyResult.IgnoredTooOld;
        }

        var late = _totalEvents > 0 && timeMs < _lastEventMs - _latenessMs;
        _lastEventMs = _totalEvents == 0 ? timeMs : Math.Max(_lastEventMs, timeMs);
        _totalEvents++;
        if (interaction.Value is { } value && double.IsFinite(value))
        {
            _valueSum += value;
        }

        _counts.Add(interaction.Type, timeMs);
        var sessionId = _session.Observe(interaction.SessionId, timeMs, late);
        var weight = _options.WeightOf(interaction.Type);
        _engagement = _engagement.Add(weight, timeMs, _engagementHalfLifeMs);
        if (interaction.Category is { Length: > 0 } category)
        {
            _affinity.Add(category, weight, timeMs, _lastEventMs);
        }

        if (interaction.ItemId is { Length: > 0 } itemId)
        {
            _recent.Add(itemId, timeMs, sessionId);
        }

        return late ? FeatureApplyResult.AppliedLate : FeatureApplyResult.Applied;
    }

    /// <summary>Whether the user has had no event for longer than the inactivity TTL (always true before the first).</summary>
    public bool IsExpired(DateTimeOffset now) =>
        _totalEvents == 0 || now.ToUnixTimeMilliseconds() - _lastEventMs > Milliseconds(_options.InactivityTtl);

    /// <summary>The <paramref name="count"/> categories with the highest affinity at <paramref name="now"/>.</summary>
    public IReadOnlyList<CategoryScore> TopCategories(DateTimeOffset now, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _affinity.Top(now.ToUnixTimeMilliseconds(), count);
    }

    public UserFeatureView View(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        return new UserFeatureView
        {
            TotalEvents = _totalEvents,
            Counts = _counts.At(nowMs),
            Session = _session.At(nowMs),
            TopCategories = _affinity.Top(nowMs, int.MaxValue),
            RecentItems = _recent.ToArray(),
            EngagementScore = _engagement.At(nowMs, _engagementHalfLifeMs),
            ValueSum = _valueSum,
            LastEventAt = LastEventAt,
            AsOf = now,
        };
    }

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;
}
