namespace Storage.GroupCommit;

/// <summary>A stored row: its version (the ETag) and payload, null for a cleared state's tombstone.</summary>
internal readonly record struct StoredGrainState(int Version, byte[]? Payload);
