namespace Grains.Recommendations;

/// <summary>One item's learned click-through: impressions and clicks overall and per context segment.</summary>
public sealed record ItemRecord
{
    public string ItemId { get; set; } = "";

    public string? Category { get; set; }

    public long Impressions { get; set; }

    public long Clicks { get; set; }

    /// <summary>Per segment: [impressions, clicks].</summary>
    public Dictionary<string, long[]> Segments { get; set; } = [];
}
