using Microsoft.Data.Sqlite;

namespace Storage.Migrations;

/// <summary>
/// Applies migrations on SQLite. Each one runs in a BEGIN IMMEDIATE transaction, which takes the
/// database's write lock up front, so concurrent migrators queue instead of racing on the history.
/// </summary>
internal sealed class SqliteMigrationRunner(string connectionString) : IMigrationRunner
{
    private readonly SqliteConnection _connection = new(connectionString);

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _connection.OpenAsync(cancellationToken);

        // WAL lets readers proceed while a writer commits; the mode is stored in the file, so every
        // later connection (ours and the stock provider's) gets it. It cannot change inside a transaction.
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ApplyAsync(SchemaMigration migration, CancellationToken cancellationToken)
    {
        // deferred: false is what makes Microsoft.Data.Sqlite issue BEGIN IMMEDIATE; it waits out a
        // busy database for the connection's default timeout.
        await using var transaction = _connection.BeginTransaction(deferred: false);
        await ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {MigrationHistory.Table} (version INTEGER PRIMARY KEY, file_name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now')))",
            transaction,
            cancellationToken);

        await using (var read = _connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"SELECT file_name, checksum FROM {MigrationHistory.Table} WHERE version = $version";
            read.Parameters.AddWithValue("$version", migration.Version);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                MigrationHistory.EnsureUnchanged(migration, reader.GetString(0), reader.GetString(1));
                return false;
            }
        }

        try
        {
            await ExecuteAsync(migration.Sql, transaction, cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new SchemaMigrationException($"Migration {migration.FileName} failed: {exception.Message}", exception);
        }

        await using (var record = _connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO {MigrationHistory.Table} (version, file_name, checksum) VALUES ($version, $file, $checksum)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$file", migration.FileName);
            record.Parameters.AddWithValue("$checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task ExecuteAsync(string sql, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
