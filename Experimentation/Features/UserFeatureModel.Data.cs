namespace Experimentation.Features;

public sealed partial class UserFeatureModel
{
    /// <summary>The compact persisted form; <see cref="FromData"/> restores a model whose views are identical.</summary>
    public UserFeatureData ToData()
    {
        var last = _lastEventMs;
        var (types, counts) = _counts.Export();
        var (categories, scores, references) = _affinity.Export();
        var sessionIds = new List<string>();
        var itemSessions = new int[_recent.Count];
        for (var i = 0; i < itemSessions.Length; i++)
        {
            var sessionId = _recent.Entries[i].SessionId;
            itemSessions[i] = sessionId is null ? -1 : IndexOrAdd(sessionIds, sessionId);
        }

        return new UserFeatureData
        {
            LastEventAt = last,
            TotalEvents = _totalEvents,
            ValueSum = _valueSum,
            Types = types,
            Counts = counts,
            SessionId = _session.Id,
            SessionStartAge = _session.Id is null ? 0 : last - _session.StartMs,
            SessionLastAge = _session.Id is null ? 0 : last - _session.LastMs,
            SessionEvents = _session.EventCount,
            Categories = categories,
            CategoryScores = scores,
            CategoryAges = [.. references.Select(r => last - r)],
            Items = [.. _recent.Entries.Select(e => e.ItemId)],
            ItemAges = [.. _recent.Entries.Select(e => last - e.TimeMs)],
            ItemSessions = itemSessions,
            SessionIds = [.. sessionIds],
            Engagement = _engagement.Score,
            EngagementAge = _engagement.Score == 0 ? 0 : last - _engagement.ReferenceMs,
        };
    }

    /// <summary>Restores a model saved by <see cref="ToData"/>; limits lowered since then apply from here on.</summary>
    /// <exception cref="ArgumentException">The data is from an unknown version or its arrays do not line up.</exception>
    public static UserFeatureModel FromData(UserFeatureData data, UserFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Version != UserFeatureData.CurrentVersion)
        {
            throw new ArgumentException($"v is {data.Version}: only version {UserFeatureData.CurrentVersion} is understood.", nameof(data));
        }

        if (data.ItemAges.Length != data.Items.Length || data.ItemSessions.Length != data.Items.Length)
        {
            throw new ArgumentException($"items has {data.Items.Length} ids, {data.ItemAges.Length} ages and {data.ItemSessions.Length} sessions: they must match.", nameof(data));
        }

        var last = data.LastEventAt;
        var model = new UserFeatureModel(options)
        {
            _lastEventMs = last,
            _totalEvents = data.TotalEvents,
            _valueSum = data.ValueSum,
            _engagement = new DecayedScore(data.Engagement, last - data.EngagementAge),
        };
        model._counts = RollingCounts.Import(options.MaxEventTypes, data.Types, data.Counts, data.TotalEvents == 0 ? long.MinValue : last);
        model._session.Restore(data.SessionId, last - data.SessionStartAge, last - data.SessionLastAge, data.SessionEvents);
        model._affinity = CategoryAffinity.Import(
            options.MaxCategories, Milliseconds(options.AffinityHalfLife), data.Categories, data.CategoryScores, [.. data.CategoryAges.Select(a => last - a)]);
        // Oldest first, so the bounded list keeps the newest when the limit was lowered.
        for (var i = data.Items.Length - 1; i >= 0; i--)
        {
            var session = data.ItemSessions[i];
            model._recent.Add(data.Items[i], last - data.ItemAges[i], session >= 0 && session < data.SessionIds.Length ? data.SessionIds[session] : null);
        }

        return model;
    }

    private static int IndexOrAdd(List<string> values, string value)
    {
        var index = values.IndexOf(value);
        if (index >= 0)
        {
            return index;
        }

        values.Add(value);
        return values.Count - 1;
    }
}
