using Grains.Interfaces.Users;

namespace Grains.Decisions;

/// <summary>The numeric user features that targeting conditions can name: totalEvents, engagementScore, valueSum, sessionEvents and counts.{type}.{window}.</summary>
public static class FeatureAttributes
{
    public static Dictionary<string, double> Of(UserFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["totalEvents"] = features.TotalEvents,
            ["engagementScore"] = features.EngagementScore,
            ["valueSum"] = features.ValueSum,
            ["sessionEvents"] = features.Session?.EventCount ?? 0,
        };
        foreach (var (type, windows) in features.Counts)
        {
            foreach (var (window, count) in windows)
            {
                values[$"counts.{type}.{window}"] = count;
            }
        }

        return values;
    }
}
