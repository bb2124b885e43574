-- Ingest checkpoints and outbox. IF NOT EXISTS: databases that ran the connector before this
-- migration existed already have the tables.
CREATE TABLE IF NOT EXISTS ingest_partitions (
    cluster       TEXT    NOT NULL,
    topic         TEXT    NOT NULL,
    partition     INTEGER NOT NULL,
    epoch         INTEGER NOT NULL,
    owner         TEXT    NOT NULL,
    acquired_at   TEXT    NOT NULL,
    next_offset   INTEGER NOT NULL DEFAULT 0,
    next_sequence INTEGER NOT NULL DEFAULT 1,
    committed_at  TEXT    NULL,
    PRIMARY KEY (cluster, topic, partition)
) WITHOUT ROWID;

-- Messages committed with the offset that passed their record, until delivered.
CREATE TABLE IF NOT EXISTS ingest_outbox (
    cluster     TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    partition   INTEGER NOT NULL,
    sequence    INTEGER NOT NULL,
    target_kind TEXT    NOT NULL,
    target_key  TEXT    NOT NULL,
    envelope    BLOB    NOT NULL,
    PRIMARY KEY (cluster, topic, partition, sequence)
) WITHOUT ROWID;
