namespace Storage.GroupCommit;

/// <summary>One database's statements for the group-commit provider.</summary>
internal interface IGrainStateDialect : IAsyncDisposable
{
    /// <summary>Groups this database can usefully commit at once.</summary>
    int MaxConcurrentGroups(int configured);

    Task<StoredGrainState?> ReadAsync(string serviceId, string stateName, string grainId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the whole group in one round trip, each row version-checked on its own. Returns, per
    /// position, the new version or null for a row whose expected version did not match. Throws
    /// only when the round trip itself fails, and then nothing in the group is committed.
    /// </summary>
    Task<int?[]> CommitAsync(string serviceId, IReadOnlyList<PendingWrite> group, CancellationToken cancellationToken);
}
