namespace Grains.Interfaces.Cluster;

/// <summary>
/// One partition: its owner from the directory and, when the owner answered, its processing
/// status, consumer lag, checkpoint age and activations per grain type.
/// </summary>
public sealed record ClusterPartition
{
    public int Partition { get; init; }

    public long Epoch { get; init; }

    public string? OwnerSiloId { get; init; }

    public string? OwnerAddress { get; init; }

    /// <summary>The owner's processor status (running, stopping, fenced…), or "unknown" when the owner did not answer.</summary>
    public string Status { get; init; } = "unknown";

    /// <summary>Records on the partition's topics not yet applied.</summary>
    public long? Lag { get; init; }

    public double? CheckpointAgeSeconds { get; init; }

    public Dictionary<string, int>? ActivationsByType { get; init; }
}
