namespace Grains.Recommendations;

/// <summary>Impressions and clicks of one item (in one context segment) from one partition since its last checkpoint.</summary>
public sealed record ItemCredit
{
    public string ItemId { get; init; } = "";

    public string? Category { get; init; }

    public string Segment { get; init; } = "";

    public long Impressions { get; init; }

    public long Clicks { get; init; }
}
