namespace Grains.Recommendations;

/// <summary>An item shown to the user by a recommendation, until a click credits it or its window closes.</summary>
public sealed record Impression
{
    public string ItemId { get; init; } = "";

    public string? Category { get; init; }

    public string DecisionId { get; init; } = "";

    public double Propensity { get; init; }

    public string Segment { get; init; } = "";

    public DateTimeOffset At { get; init; }

    public bool Clicked { get; set; }
}
