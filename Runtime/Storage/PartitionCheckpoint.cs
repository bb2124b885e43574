namespace Runtime.Storage;

/// <summary>One atomic commit of a partition.</summary>
/// <param name="Cluster">The cluster name that scopes every row.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Epoch">The committer's epoch; the commit fails if the stored epoch differs.</param>
/// <param name="Positions">Next offset to read per topic, replacing the stored ones.</param>
/// <param name="DedupeMarks">
/// Highest sequence applied per inbound stream (for example records re-routed from another
/// partition), replacing the stored ones; used to drop redeliveries after a crash.
/// </param>
/// <param name="Grains">Grain states to upsert, or delete where <see cref="GrainStateWrite.State"/> is null.</param>
public sealed record PartitionCheckpoint(
    string Cluster,
    int Partition,
    long Epoch,
    IReadOnlyDictionary<string, long> Positions,
    IReadOnlyDictionary<string, long> DedupeMarks,
    IReadOnlyList<GrainStateWrite> Grains);
