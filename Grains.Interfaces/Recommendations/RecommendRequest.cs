namespace Grains.Interfaces.Recommendations;

/// <summary>Body of <c>POST /v1/recommend</c>: rank up to k items for a user.</summary>
public sealed record RecommendRequest
{
    public string UserId { get; init; } = "";

    /// <summary>How many items to return (1 to 100).</summary>
    /// <remarks>Settable so the JSON source generator keeps the default when the field is missing (dotnet/runtime#84484).</remarks>
    public int K { get; set; } = 10;

    /// <summary>Item ids to rank; null means the currently trending items.</summary>
    public List<string>? Candidates { get; init; }

    /// <summary>Request attributes (device…): the context segment of the click-through posteriors.</summary>
    public Dictionary<string, string>? Context { get; init; }
}
