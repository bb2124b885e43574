namespace Grains.Interfaces.Events;

/// <summary>
/// One interaction, as JSON in camelCase on the events topic and on <c>POST /v1/events</c>.
/// Required: eventId, userId, type, timestamp (ISO-8601 event time; Kafka 0.9 records carry none).
/// </summary>
public sealed record InteractionEvent
{
    public string EventId { get; init; } = "";

    public string UserId { get; init; } = "";

    /// <summary>A lowercase identifier: view, click, like, add_to_cart, purchase, conversion, exposure…</summary>
    public string Type { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    public string? SessionId { get; init; }

    public string? ItemId { get; init; }

    public string? Category { get; init; }

    public double? Value { get; init; }

    public string? Device { get; init; }

    public string? Location { get; init; }

    public Dictionary<string, string>? Properties { get; init; }
}
