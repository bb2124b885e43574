namespace Dashboard.Cluster;

/// <summary>
/// One silo as the dashboard shows it: its membership record, plus the figures only the silo itself
/// knows (CPU, memory, rates, its partitions), which it serves on <c>/dashboard/api/self</c>.
/// </summary>
public sealed record SiloReport
{
    public string SiloId { get; init; } = "";

    public string Address { get; init; } = "";

    public string HostName { get; init; } = "";

    /// <summary>From the membership table: active or stopped; "unresponsive" when an active silo's heartbeat is overdue.</summary>
    public string Status { get; init; } = "";

    public bool Ready { get; init; }

    public string? NotReadyReason { get; init; }

    public string Mode { get; init; } = "";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? LastHeartbeat { get; init; }

    public double UptimeSeconds { get; init; }

    /// <summary>False when the silo's own report could not be fetched; the figures below are then missing.</summary>
    public bool Reachable { get; init; }

    /// <summary>True for the silo that served this report.</summary>
    public bool IsSelf { get; init; }

    public double? CpuPercent { get; init; }

    public long? WorkingSetBytes { get; init; }

    public long? HeapBytes { get; init; }

    public double? EventsPerSecond { get; init; }

    public double? DecisionsPerSecond { get; init; }

    public double? CallP99Ms { get; init; }

    /// <summary>The partitions the silo owns, as it sees them.</summary>
    public List<PartitionReport> Partitions { get; init; } = [];
}
