using System.Globalization;
using Grains.Experiments;
using Grains.Interfaces.Events;

namespace Grains.Recommendations;

/// <summary>Impression events: a recommended item shown to the user, with the propensity of showing it.</summary>
public static class ImpressionEvents
{
    /// <summary>The event type whose itemId credits an impression of that item.</summary>
    public const string ClickType = "click";

    /// <summary>Reads an impression event; throws with the reason when it lacks its item, decision or propensity.</summary>
    public static Impression From(InteractionEvent impression)
    {
        ArgumentNullException.ThrowIfNull(impression);
        if (string.IsNullOrEmpty(impression.ItemId))
        {
            throw new FormatException("itemId: is required on an impression");
        }

        var properties = impression.Properties ?? [];
        var decision = properties.GetValueOrDefault(ExposureProperties.Decision);
        if (string.IsNullOrEmpty(decision))
        {
            throw new FormatException($"properties.{ExposureProperties.Decision}: is required on an impression");
        }

        if (!double.TryParse(properties.GetValueOrDefault(ExposureProperties.Propensity), NumberStyles.Float, CultureInfo.InvariantCulture, out var propensity)
            || propensity is <= 0 or > 1)
        {
            throw new FormatException($"properties.{ExposureProperties.Propensity}: must be a number in (0, 1]");
        }

        return new Impression
        {
            ItemId = impression.ItemId,
            Category = impression.Category,
            DecisionId = decision,
            Propensity = propensity,
            Segment = properties.GetValueOrDefault(ExposureProperties.Segment) ?? "",
            At = impression.Timestamp,
        };
    }

    /// <summary>The impression event a recommendation logs in the user's stream.</summary>
    public static InteractionEvent ToEvent(Impression impression, string userId)
    {
        ArgumentNullException.ThrowIfNull(impression);
        return new InteractionEvent
        {
            EventId = impression.DecisionId + ":" + impression.ItemId,
            UserId = userId,
            Type = ExposureProperties.ImpressionType,
            Timestamp = impression.At,
            ItemId = impression.ItemId,
            Category = impression.Category,
            Properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ExposureProperties.Decision] = impression.DecisionId,
                [ExposureProperties.Propensity] = impression.Propensity.ToString("R", CultureInfo.InvariantCulture),
                [ExposureProperties.Segment] = impression.Segment,
            },
        };
    }
}
