-- Grain state for the project's group-commit provider; same shape and rules as on PostgreSQL.
-- WITHOUT ROWID keeps each row in the primary-key b-tree: one lookup per read or write.
CREATE TABLE grain_state
(
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_id    TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NULL,
    modified_at TEXT    NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
) WITHOUT ROWID;
