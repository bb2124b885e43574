namespace Storage;

/// <summary>The database engines the schema migrations and the group-commit provider support.</summary>
public enum StorageDatabase
{
    /// <summary>PostgreSQL (Npgsql); the only one with clustering and reminders.</summary>
    PostgreSql,

    /// <summary>SQLite (Microsoft.Data.Sqlite), for the embedded single-silo mode.</summary>
    Sqlite,
}
