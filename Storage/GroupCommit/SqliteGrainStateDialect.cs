using Microsoft.Data.Sqlite;

namespace Storage.GroupCommit;

/// <summary>
/// SQLite: a whole group is one transaction on one long-lived writer connection, so the group
/// pays for one commit (one journal sync) however many rows it holds. SQLite has a single writer,
/// so groups never overlap; reads use their own pooled connections and, in WAL mode, never wait.
/// </summary>
internal sealed class SqliteGrainStateDialect(string connectionString) : IGrainStateDialect
{
    private const string ReadSql =
        "SELECT version, payload FROM grain_state WHERE service_id = $service AND state_name = $state AND grain_id = $grain";

    private const string UpdateSql = """
        UPDATE grain_state SET version = version + 1, payload = $payload, modified_at = datetime('now')
        WHERE service_id = $service AND state_name = $state AND grain_id = $grain AND version = $expected
        RETURNING version
        """;

    private const string InsertSql = """
        INSERT INTO grain_state (service_id, state_name, grain_id, version, payload, modified_at)
        VALUES ($service, $state, $grain, 1, $payload, datetime('now'))
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _writeConnection;

    public int MaxConcurrentGroups(int configured) => 1;

    public async Task<StoredGrainState?> ReadAsync(string serviceId, string stateName, string grainId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredGrainState(reader.GetInt32(0), reader.IsDBNull(1) ? null : (byte[])reader[1]);
    }

    public async Task<int?[]> CommitAsync(string serviceId, IReadOnlyList<PendingWrite> group, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            _writeConnection ??= await OpenWriterAsync(cancellationToken);
            await using var transaction = _writeConnection.BeginTransaction(deferred: false);
            await using var update = Prepare(UpdateSql, transaction, serviceId, withExpected: true);
            await using var insert = Prepare(InsertSql, transaction, serviceId, withExpected: false);
            var versions = new int?[group.Count];
            for (var i = 0; i < group.Count; i++)
            {
                var write = group[i];
                var command = write.ExpectedVersion is null ? insert : update;
                if (write.ExpectedVersion is null && write.IsClear)
                {
                    continue;
                }

                command.Parameters["$state"].Value = write.StateName;
                command.Parameters["$grain"].Value = write.GrainId;
                command.Parameters["$payload"].Value = (object?)write.Payload ?? DBNull.Value;
                if (write.ExpectedVersion is { } expected)
                {
                    command.Parameters["$expected"].Value = expected;
                }

                var result = await command.ExecuteScalarAsync(cancellationToken);
                versions[i] = result is null ? null : Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
            }

            await transaction.CommitAsync(cancellationToken);
            return versions;
        }
        catch
        {
            // The connection may be mid-transaction after a failure; a fresh one starts clean.
            if (_writeConnection is not null)
            {
                await _writeConnection.DisposeAsync();
                _writeConnection = null;
            }

            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writeConnection is not null)
        {
            await _writeConnection.DisposeAsync();
        }

        _writer.Dispose();
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private SqliteCommand Prepare(string sql, SqliteTransaction transaction, string serviceId, bool withExpected)
    {
        var command = _writeConnection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.Add("$state", SqliteType.Text);
        command.Parameters.Add("$grain", SqliteType.Text);
        command.Parameters.Add("$payload", SqliteType.Blob);
        if (withExpected)
        {
            command.Parameters.Add("$expected", SqliteType.Integer);
        }

        return command;
    }
}
