namespace Experimentation.Features;

/// <summary>One user interaction as the feature model sees it.</summary>
/// <param name="Type">Lowercase identifier such as <c>view</c>, <c>click</c> or <c>purchase</c>.</param>
/// <param name="Timestamp">When the event happened (event time, not arrival time).</param>
/// <param name="SessionId">The client's session id, when it sends one.</param>
/// <param name="ItemId">The item the event is about, if any.</param>
/// <param name="Category">The item's category, if any.</param>
/// <param name="Value">A numeric payload such as a purchase amount; summed into <see cref="UserFeatureView.ValueSum"/>.</param>
public readonly record struct FeatureEvent(
    string Type,
    DateTimeOffset Timestamp,
    string? SessionId = null,
    string? ItemId = null,
    string? Category = null,
    double? Value = null);
