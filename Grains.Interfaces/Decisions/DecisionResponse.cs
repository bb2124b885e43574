namespace Grains.Interfaces.Decisions;

/// <summary>One decision per experiment, under one decision id that the exposures carry.</summary>
public sealed record DecisionResponse
{
    public string DecisionId { get; init; } = "";

    public string UserId { get; init; } = "";

    public List<ExperimentDecision> Decisions { get; init; } = [];
}
