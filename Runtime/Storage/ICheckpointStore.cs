namespace Runtime.Storage;

/// <summary>
/// Durable home of grain state and of each partition's consumed positions. A partition's state and
/// positions are only ever written together, in one transaction that is fenced by the partition's
/// epoch, so a silo that has lost a partition cannot overwrite its new owner.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Creates or migrates the schema. Idempotent; safe to run from several silos at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes ownership of a partition: increments its epoch, records the owner in the directory and
    /// returns the new epoch with the positions and dedupe marks of the last committed checkpoint.
    /// </summary>
    Task<PartitionLease> AcquireAsync(string cluster, int partition, SiloIdentity owner, CancellationToken cancellationToken);

    /// <summary>Reads the stored state of grains (missing keys are simply absent from the result).</summary>
    Task<IReadOnlyDictionary<string, StoredGrainState>> ReadGrainsAsync(
        string cluster, string grainType, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Commits grain states (and deletions) with the partition's positions, atomically, if and only
    /// if the partition's epoch still equals <see cref="PartitionCheckpoint.Epoch"/>; otherwise throws
    /// <see cref="PartitionFencedException"/> and writes nothing.
    /// </summary>
    Task CommitAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Reads the partition directory: every known partition with its epoch and owner.</summary>
    Task<IReadOnlyList<PartitionOwnership>> ReadDirectoryAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>Records that a silo is alive (upsert with the current time).</summary>
    Task HeartbeatAsync(string cluster, SiloRecord silo, CancellationToken cancellationToken);

    /// <summary>Lists the silos that have registered in this cluster, alive or not.</summary>
    Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(string cluster, CancellationToken cancellationToken);
}
