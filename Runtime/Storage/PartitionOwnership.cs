namespace Runtime.Storage;

/// <summary>One row of the partition directory.</summary>
public sealed record PartitionOwnership(int Partition, long Epoch, string OwnerSiloId, string OwnerAddress, DateTimeOffset AcquiredAt);
