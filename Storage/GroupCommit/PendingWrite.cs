namespace Storage.GroupCommit;

/// <summary>
/// One grain write or clear waiting for its group. <see cref="Completion"/> yields the new version,
/// or null when <see cref="ExpectedVersion"/> no longer matches the stored row.
/// </summary>
internal sealed class PendingWrite(string stateName, string grainId, int? expectedVersion, byte[]? payload, bool isClear)
{
    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    /// <summary>The caller's ETag; null means "no row may exist yet" (an insert).</summary>
    public int? ExpectedVersion { get; } = expectedVersion;

    /// <summary>The serialized state; null for a clear, which leaves a tombstone row.</summary>
    public byte[]? Payload { get; } = payload;

    public bool IsClear { get; } = isClear;

    // Continuations run on the pool, not on the committer, so one slow grain cannot hold up the next group.
    public TaskCompletionSource<int?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public (string, string) Key => (StateName, GrainId);
}
