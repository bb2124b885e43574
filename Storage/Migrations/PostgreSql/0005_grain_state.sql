-- Grain state for the project's group-commit provider. One row per (service, state name, grain);
-- version is the ETag and grows by one on every write or clear. A cleared state keeps its row with
-- a NULL payload (a tombstone), so a writer holding an ETag from before the clear fails its check.
CREATE TABLE grain_state
(
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    grain_id    text        NOT NULL,
    version     integer     NOT NULL,
    payload     bytea       NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_grain_state PRIMARY KEY (service_id, state_name, grain_id)
)
-- Rows are rewritten all the time and their key never changes: free space in each page lets
-- PostgreSQL put the new version beside the old one (a HOT update) without touching the index.
WITH (fillfactor = 50);
