namespace Runtime.Storage.Sqlite;

/// <summary>The statements of <see cref="SqliteCheckpointStore"/>.</summary>
internal static class SqliteSql
{
    public const string Acquire = """
        INSERT INTO rt_partitions (cluster, partition, epoch, owner_silo_id, owner_address, acquired_at)
        VALUES (@cluster, @partition, 1, @silo, @address, @now)
        ON CONFLICT (cluster, partition) DO UPDATE
        SET epoch = epoch + 1, owner_silo_id = excluded.owner_silo_id,
            owner_address = excluded.owner_address, acquired_at = excluded.acquired_at
        RETURNING epoch, positions, dedupe
        """;

    // First statement of every commit: the epoch check and the positions are one write.
    public const string Fence = """
        UPDATE rt_partitions SET positions = @positions, dedupe = @dedupe, committed_at = @now
        WHERE cluster = @cluster AND partition = @partition AND epoch = @epoch
        """;

    public const string UpsertGrain = """
        INSERT INTO rt_grains (cluster, grain_type, grain_key, state, updated_at)
        VALUES (@cluster, @type, @key, @state, @now)
        ON CONFLICT (cluster, grain_type, grain_key) DO UPDATE
        SET state = excluded.state, updated_at = excluded.updated_at
        """;

    public const string DeleteGrain =
        "DELETE FROM rt_grains WHERE cluster = @cluster AND grain_type = @type AND grain_key = @key";

    // The keys travel as one JSON array, so any number of them fits in one statement without
    // running into SQLite's limit on bound parameters.
    public const string ReadGrains = """
        SELECT grain_key, state, updated_at FROM rt_grains
        WHERE cluster = @cluster AND grain_type = @type AND grain_key IN (SELECT value FROM json_each(@keys))
        """;

    public const string ReadDirectory =
        "SELECT partition, epoch, owner_silo_id, owner_address, acquired_at FROM rt_partitions WHERE cluster = @cluster ORDER BY partition";

    // started_at keeps its first value: a silo id is new on every start, so it cannot change.
    public const string Heartbeat = """
        INSERT INTO rt_silos (cluster, silo_id, address, host_name, started_at, last_heartbeat, status)
        VALUES (@cluster, @silo, @address, @host, @started, @now, @status)
        ON CONFLICT (cluster, silo_id) DO UPDATE
        SET address = excluded.address, host_name = excluded.host_name,
            last_heartbeat = excluded.last_heartbeat, status = excluded.status
        """;

    public const string ReadSilos =
        "SELECT silo_id, address, host_name, started_at, last_heartbeat, status FROM rt_silos WHERE cluster = @cluster ORDER BY started_at, silo_id";
}
