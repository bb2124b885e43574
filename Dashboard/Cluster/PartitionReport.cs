namespace Dashboard.Cluster;

/// <summary>One partition: its owner from the directory, and what the owner reports of it.</summary>
public sealed record PartitionReport
{
    public int Partition { get; init; }

    public long Epoch { get; init; }

    public string? OwnerSiloId { get; init; }

    public string? OwnerAddress { get; init; }

    /// <summary>The owner's processor status (running, stopping, fenced…); null when the owner did not report.</summary>
    public string? Status { get; init; }

    public long? Lag { get; init; }

    public double? CheckpointAgeSeconds { get; init; }

    public int? Activations { get; init; }
}
