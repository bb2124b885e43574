namespace Grains.Interfaces.Cluster;

/// <summary>A silo as registered in the cluster's membership table; <see cref="Status"/> is "active" or "stopped".</summary>
public sealed record ClusterSilo
{
    public string SiloId { get; init; } = "";

    public string Address { get; init; } = "";

    public string HostName { get; init; } = "";

    public string Status { get; init; } = "";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset LastHeartbeat { get; init; }
}
