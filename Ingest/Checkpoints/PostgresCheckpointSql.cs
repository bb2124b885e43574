namespace Ingest.Checkpoints;

/// <summary>The statements of <see cref="PostgresCheckpointStore"/>.</summary>
internal static class PostgresCheckpointSql
{
    // Serialises silos creating the tables at once: concurrent CREATE TABLE IF NOT EXISTS can still
    // collide on the catalog's unique index.
    public const string Acquire = """
        INSERT INTO ingest_partitions AS p (cluster, topic, partition, epoch, owner, acquired_at)
        VALUES (@cluster, @topic, @partition, 1, @owner, @now)
        ON CONFLICT (cluster, topic, partition) DO UPDATE
        SET epoch = p.epoch + 1, owner = excluded.owner, acquired_at = excluded.acquired_at
        RETURNING epoch, next_offset, next_sequence
        """;

    // The first statement of a commit: it locks the partition row, so an acquire either waits for
    // the commit or makes this match nothing. It also reserves the sequences of the commit's rows.
    public const string Advance = """
        UPDATE ingest_partitions
        SET next_offset = @offset, next_sequence = next_sequence + @count, committed_at = @now
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition AND epoch = @epoch
        RETURNING next_sequence - @count
        """;

    public const string InsertOutbox = """
        INSERT INTO ingest_outbox (cluster, topic, partition, sequence, target_kind, target_key, envelope)
        SELECT @cluster, @topic, @partition, @first + x.i - 1, x.k, x.t, x.e
        FROM unnest(@kinds, @keys, @envelopes) WITH ORDINALITY AS x(k, t, e, i)
        """;

    public const string ReadOutbox = """
        SELECT sequence, target_kind, target_key, envelope FROM ingest_outbox
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition ORDER BY sequence
        """;

    public const string Fence = """
        SELECT 1 FROM ingest_partitions
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition AND epoch = @epoch FOR SHARE
        """;

    public const string DeleteOutbox = """
        DELETE FROM ingest_outbox
        WHERE cluster = @cluster AND topic = @topic AND partition = @partition AND sequence <= @through
        """;
}
