using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Runtime.Storage.Sqlite;

/// <summary>The numbered schema migrations of <see cref="SqliteCheckpointStore"/> and their runner.</summary>
/// <remarks>Never edit a migration that has shipped: add a new one, because databases remember only the version number.</remarks>
internal static partial class SqliteMigrations
{
    // STRICT makes SQLite reject values of the wrong type instead of silently storing them.
    // Partitions and silos are small rows looked up by key, which WITHOUT ROWID stores in one
    // b-tree; grain states can be large, which WITHOUT ROWID handles poorly, so rt_grains keeps its rowid.
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE rt_partitions (
                cluster TEXT NOT NULL,
                partition INTEGER NOT NULL,
                epoch INTEGER NOT NULL,
                owner_silo_id TEXT NOT NULL,
                owner_address TEXT NOT NULL,
                acquired_at TEXT NOT NULL,
                positions TEXT NOT NULL DEFAULT '{}',
                dedupe TEXT NOT NULL DEFAULT '{}',
                committed_at TEXT NULL,
                PRIMARY KEY (cluster, partition)) WITHOUT ROWID, STRICT;

            CREATE TABLE rt_grains (
                cluster TEXT NOT NULL,
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                state BLOB NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (cluster, grain_type, grain_key)) STRICT;

            CREATE TABLE rt_silos (
                cluster TEXT NOT NULL,
                silo_id TEXT NOT NULL,
                address TEXT NOT NULL,
                host_name TEXT NOT NULL,
                started_at TEXT NOT NULL,
                last_heartbeat TEXT NOT NULL,
                status TEXT NOT NULL,
                PRIMARY KEY (cluster, silo_id)) WITHOUT ROWID, STRICT;
            """),
    ];

    /// <summary>
    /// Applies the missing migrations inside <paramref name="transaction"/>, which must have been
    /// begun IMMEDIATE: holding SQLite's single write lock is what serialises concurrent starters.
    /// </summary>
    public static async Task ApplyAsync(
        SqliteConnection connection, SqliteTransaction transaction, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        await using (var create = new SqliteCommand(
            "CREATE TABLE IF NOT EXISTS rt_schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<long>();
        await using (var select = new SqliteCommand("SELECT version FROM rt_schema_migrations", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        foreach (var (version, sql) in All.Where(migration => !applied.Contains(migration.Version)))
        {
            await using (var migrate = new SqliteCommand(sql, connection, transaction))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new SqliteCommand("INSERT INTO rt_schema_migrations (version, applied_at) VALUES (@version, @now)", connection, transaction))
            {
                record.Parameters.AddWithValue("@version", version);
                record.Parameters.AddWithValue("@now", SqliteTimestamp.ToText(timeProvider.GetUtcNow()));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            LogMigrationApplied(logger, version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied SQLite checkpoint schema migration {Version}")]
    private static partial void LogMigrationApplied(ILogger logger, int version);
}
