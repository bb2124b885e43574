using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>What one checkpoint commits, captured on the partition's loop before the commit runs in the background.</summary>
internal sealed record CheckpointSnapshot(
    Dictionary<string, long> Positions,
    Dictionary<string, long> Dedupe,
    List<GrainStateWrite> Writes,
    List<(GrainActivation Activation, long Version)> Saved,
    OutboxSnapshot Outbox,
    List<Task> Derived);
