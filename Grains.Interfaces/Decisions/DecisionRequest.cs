namespace Grains.Interfaces.Decisions;

/// <summary>Body of <c>POST /v1/decide</c>: which variant should this user see?</summary>
public sealed record DecisionRequest
{
    public string UserId { get; init; } = "";

    /// <summary>Experiment ids to decide; null or empty means every running experiment the user is eligible for.</summary>
    public List<string>? Experiments { get; init; }

    /// <summary>Attributes of the request (device, location, page…), for targeting and contextual bandits.</summary>
    public Dictionary<string, string>? Context { get; init; }
}
