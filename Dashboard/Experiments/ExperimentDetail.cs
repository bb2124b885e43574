using Dashboard.History;
using Grains.Interfaces.Experiments;

namespace Dashboard.Experiments;

/// <summary>Body of <c>GET /dashboard/api/experiments/{id}</c>: the grain's definition and results, and the traffic split over the history window.</summary>
public sealed record ExperimentDetail
{
    public ExperimentDefinition? Definition { get; init; }

    public ExperimentResults Results { get; init; } = new();

    public List<TrafficPoint> Traffic { get; init; } = [];
}
