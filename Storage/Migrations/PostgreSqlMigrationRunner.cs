using Npgsql;

namespace Storage.Migrations;

/// <summary>
/// Applies migrations on PostgreSQL. Every transaction first takes one advisory transaction lock,
/// so silos starting together queue up: the second sees the first's history row and skips.
/// </summary>
internal sealed class PostgreSqlMigrationRunner(string connectionString) : IMigrationRunner
{
    // Any fixed 64-bit value; only this migrator takes it. ASCII "StorMigr".
    private const long AdvisoryLockKey = 0x53746F724D696772;

    private readonly NpgsqlConnection _connection = new(connectionString);

    public Task OpenAsync(CancellationToken cancellationToken) => _connection.OpenAsync(cancellationToken);

    public async Task<bool> ApplyAsync(SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", transaction, cancellationToken);
        await ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {MigrationHistory.Table} (version integer PRIMARY KEY, file_name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            transaction,
            cancellationToken);

        await using (var read = new NpgsqlCommand($"SELECT file_name, checksum FROM {MigrationHistory.Table} WHERE version = @version", _connection, transaction))
        {
            read.Parameters.AddWithValue("version", migration.Version);
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
        catch (PostgresException exception)
        {
            throw new SchemaMigrationException($"Migration {migration.FileName} failed: {exception.MessageText}", exception);
        }

        await using (var record = new NpgsqlCommand($"INSERT INTO {MigrationHistory.Table} (version, file_name, checksum) VALUES (@version, @file, @checksum)", _connection, transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("file", migration.FileName);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task ExecuteAsync(string sql, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
