namespace Runtime.Storage;

/// <summary>
/// The grain writes of one commit with duplicates resolved (the last write of a key wins) and
/// split into upserts and deletions, as column arrays ready for batched statements.
/// </summary>
/// <remarks>
/// De-duplication is required, not cosmetic: PostgreSQL's <c>INSERT ... ON CONFLICT</c> refuses to
/// touch the same row twice in one statement. Rows are ordered by (type, key) so that any two
/// writers lock them in the same order.
/// </remarks>
internal sealed class GrainWriteBatch
{
    private GrainWriteBatch(string[] upsertTypes, string[] upsertKeys, byte[][] upsertStates, string[] deleteTypes, string[] deleteKeys)
    {
        UpsertTypes = upsertTypes;
        UpsertKeys = upsertKeys;
        UpsertStates = upsertStates;
        DeleteTypes = deleteTypes;
        DeleteKeys = deleteKeys;
    }

    public string[] UpsertTypes { get; }

    public string[] UpsertKeys { get; }

    public byte[][] UpsertStates { get; }

    public string[] DeleteTypes { get; }

    public string[] DeleteKeys { get; }

    public bool IsEmpty => UpsertKeys.Length == 0 && DeleteKeys.Length == 0;

    public static GrainWriteBatch From(IReadOnlyList<GrainStateWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var latest = new Dictionary<(string Type, string Key), byte[]?>(writes.Count);
        foreach (var write in writes)
        {
            if (write?.GrainType is null || write.Key is null)
            {
                throw new ArgumentException("Every grain write needs a grain type and a key.", nameof(writes));
            }

            latest[(write.GrainType, write.Key)] = write.State;
        }

        var ordered = latest
            .OrderBy(pair => pair.Key.Type, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Key, StringComparer.Ordinal)
            .ToList();
        var upserts = ordered.Where(pair => pair.Value is not null).ToList();
        var deletes = ordered.Where(pair => pair.Value is null).ToList();
        return new GrainWriteBatch(
            upserts.Select(pair => pair.Key.Type).ToArray(),
            upserts.Select(pair => pair.Key.Key).ToArray(),
            upserts.Select(pair => pair.Value!).ToArray(),
            deletes.Select(pair => pair.Key.Type).ToArray(),
            deletes.Select(pair => pair.Key.Key).ToArray());
    }
}
