namespace Ingest.Checkpoints;

/// <summary>The statements of <see cref="SqliteCheckpointStore"/>.</summary>
internal static class SqliteCheckpointSql
{
    // In SQLite's upsert an unqualified column names the existing row.
    public const string Acquire = """
        INSERT INTO ingest_partitions (cluster, topic, partition, epoch, owner, acquired_at)
        VALUES (@cluster, @topic, @partition, 1, @owner, @now)
        ON CONFLICT (cluster, topic, partition) DO UPDATE
        SET epoch = epoch + 1, owner = excluded.owner, acquired_at = excluded.acquired_at
        RETURNING epoch, next_offset, next_sequence
        """;

    public const string Advance = """
        UPDATE ingest_partitions
        SET next_offset = @offset, next_sequence = next_sequence + @count, committed_at = @now
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition AND epoch = @epoch
        RETURNING next_sequence - @count
        """;

    public const string InsertOutbox = """
        INSERT INTO ingest_outbox (cluster, topic, partition, sequence, target_kind, target_key, envelope)
        VALUES (@cluster, @topic, @partition, @sequence, @kind, @key, @envelope)
        """;

    public const string ReadOutbox = """
        SELECT sequence, target_kind, target_key, envelope FROM ingest_outbox
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition ORDER BY sequence
        """;

    public const string Fence = """
        SELECT 1 FROM ingest_partitions
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition AND epoch = @epoch
        """;

    public const string DeleteOutbox = """
        DELETE FROM ingest_outbox
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition AND sequence <= @through
        """;
}
