namespace Dashboard.Cluster;

/// <summary>Body of <c>GET /dashboard/api/cluster</c>: every live silo and every partition with its owner and lag.</summary>
public sealed record ClusterReport
{
    public string Cluster { get; init; } = "";

    public string Mode { get; init; } = "";

    public int PartitionCount { get; init; }

    public DateTimeOffset AsOf { get; init; }

    /// <summary>The silo that answered; the history charts are its own.</summary>
    public string ServedBy { get; init; } = "";

    /// <summary>Why the view is incomplete (storage unreadable), or null.</summary>
    public string? Warning { get; init; }

    public List<SiloReport> Silos { get; init; } = [];

    public List<PartitionReport> Partitions { get; init; } = [];
}
