namespace Grains.Interfaces.Recommendations;

/// <summary>The ranked items, under one decision id that their impressions carry.</summary>
public sealed record RecommendResponse
{
    public string DecisionId { get; init; } = "";

    public List<RecommendedItem> Items { get; init; } = [];
}
