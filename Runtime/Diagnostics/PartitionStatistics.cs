namespace Runtime.Diagnostics;

/// <summary>A snapshot of one owned partition, for metrics, /v1/cluster and the dashboard.</summary>
public sealed record PartitionStatistics(
    int Partition,
    long Epoch,
    string Status,
    long Lag,
    TimeSpan CheckpointAge,
    IReadOnlyDictionary<string, long> Positions,
    IReadOnlyDictionary<string, int> ActivationsByType);
