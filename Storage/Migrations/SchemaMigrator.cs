using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Storage.Migrations;

/// <summary>
/// Brings a database to the newest embedded schema (<c>Migrations/&lt;Database&gt;/NNNN_name.sql</c>).
/// Safe to run from every silo at once and on every start: applied versions are recorded with
/// their checksums in <c>storage_schema_history</c> and skipped; concurrent migrators queue on a
/// database lock; each migration commits or rolls back as a whole.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Applies every pending migration in version order.</summary>
    /// <returns>The file names applied by this call; empty when the schema was already current.</returns>
    /// <exception cref="SchemaMigrationException">A script failed, or an applied script's checksum changed (the message names the file).</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        StorageDatabase database,
        string connectionString,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        logger ??= NullLogger.Instance;
        var migrations = MigrationCatalog.For(database);
        await using IMigrationRunner runner = database switch
        {
            StorageDatabase.PostgreSql => new PostgreSqlMigrationRunner(connectionString),
            StorageDatabase.Sqlite => new SqliteMigrationRunner(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database, "unknown database"),
        };

        await runner.OpenAsync(cancellationToken);
        var applied = new List<string>();
        foreach (var migration in migrations)
        {
            if (await runner.ApplyAsync(migration, cancellationToken))
            {
                MigrationLog.Applied(logger, migration.FileName, database);
                applied.Add(migration.FileName);
            }
        }

        MigrationLog.Current(logger, database, applied.Count, migrations.Count);
        return applied;
    }
}
