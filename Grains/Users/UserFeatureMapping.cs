using Experimentation.Features;
using Grains.Interfaces.Users;

namespace Grains.Users;

/// <summary>Maps the feature model's view to the served contract.</summary>
internal static class UserFeatureMapping
{
    public static UserFeatures ToContract(string userId, UserFeatureView view) => new()
    {
        UserId = userId,
        TotalEvents = view.TotalEvents,
        Counts = view.Counts.ToDictionary(
            pair => pair.Key,
            pair => new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["1m"] = pair.Value.LastMinute,
                ["10m"] = pair.Value.Last10Minutes,
                ["1h"] = pair.Value.LastHour,
                ["24h"] = pair.Value.Last24Hours,
            },
            StringComparer.Ordinal),
        Session = view.Session is { } session
            ? new UserSessionInfo(session.Id, session.Start, session.LastEventAt, session.EventCount, session.Duration.TotalSeconds, session.IsActive)
            : null,
        TopCategories = view.TopCategories.Select(c => new CategoryAffinity(c.Category, c.Score)).ToList(),
        RecentItems = view.RecentItems.Select(i => new RecentItemInfo(i.ItemId, i.SeenAt, i.SessionId)).ToList(),
        EngagementScore = view.EngagementScore,
        ValueSum = view.ValueSum,
        LastEventAt = view.LastEventAt,
        AsOf = view.AsOf,
    };
}
