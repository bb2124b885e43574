-- Ingest checkpoints and outbox. IF NOT EXISTS: databases that ran the connector before this
-- migration existed already have the tables.
CREATE TABLE IF NOT EXISTS ingest_partitions (
    cluster       text        NOT NULL,
    topic         text        NOT NULL,
    partition     integer     NOT NULL,
    epoch         bigint      NOT NULL,
    owner         text        NOT NULL,
    acquired_at   timestamptz NOT NULL,
    next_offset   bigint      NOT NULL DEFAULT 0,
    next_sequence bigint      NOT NULL DEFAULT 1,
    committed_at  timestamptz NULL,
    PRIMARY KEY (cluster, topic, partition)
);

-- Messages committed with the offset that passed their record, until delivered.
CREATE TABLE IF NOT EXISTS ingest_outbox (
    cluster     text    NOT NULL,
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    sequence    bigint  NOT NULL,
    target_kind text    NOT NULL,
    target_key  text    NOT NULL,
    envelope    bytea   NOT NULL,
    PRIMARY KEY (cluster, topic, partition, sequence)
);
