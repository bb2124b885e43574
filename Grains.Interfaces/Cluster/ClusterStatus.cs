namespace Grains.Interfaces.Cluster;

/// <summary>
/// Body of <c>GET /v1/cluster</c>: the silos, which silo owns each partition, and each partition's
/// lag and activations. Clients route grain calls with <see cref="PartitionCount"/> and the owners.
/// </summary>
public sealed record ClusterStatus
{
    public string Cluster { get; init; } = "";

    /// <summary>"embedded" (in-process log, SQLite) or "cluster" (Kafka, PostgreSQL).</summary>
    public string Mode { get; init; } = "";

    /// <summary>Partitions of the events topic; a key's partition is murmur2(key) mod this.</summary>
    public int PartitionCount { get; init; }

    /// <summary>The silo that answered.</summary>
    public string? AnsweredBy { get; init; }

    public List<ClusterSilo> Silos { get; init; } = [];

    public List<ClusterPartition> Partitions { get; init; } = [];
}
