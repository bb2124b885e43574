namespace Runtime.Storage;

/// <summary>What a new owner of a partition starts from.</summary>
/// <param name="Partition">The partition number.</param>
/// <param name="Epoch">The epoch this owner must present on every commit.</param>
/// <param name="Positions">Next offset to read per topic; a topic absent here is read from its beginning.</param>
/// <param name="DedupeMarks">Highest sequence applied per inbound stream (see <see cref="PartitionCheckpoint.DedupeMarks"/>).</param>
public sealed record PartitionLease(
    int Partition,
    long Epoch,
    IReadOnlyDictionary<string, long> Positions,
    IReadOnlyDictionary<string, long> DedupeMarks);
