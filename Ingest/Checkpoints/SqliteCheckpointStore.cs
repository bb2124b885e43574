using System.Globalization;
using Microsoft.Data.Sqlite;
using Storage;
using Storage.Migrations;

namespace Ingest.Checkpoints;

/// <summary>
/// <see cref="ICheckpointStore"/> on a local SQLite file (embedded mode). Writes run in IMMEDIATE
/// transactions, which take SQLite's single write lock before the epoch check, so the check and the
/// writes it guards cannot interleave with an acquire from another connection or process.
/// </summary>
public sealed class SqliteCheckpointStore : ICheckpointStore, IDisposable
{
    // Not stored in the file, so every connection sets them. busy_timeout covers other processes.
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";

    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;

    // SQLite has one writer; queueing this process's writers here is cheaper than its busy handler.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    static SqliteCheckpointStore() => SQLitePCL.Batteries_V2.Init();

    /// <param name="pathOrConnectionString">A database file path, or a connection string (anything containing '=').</param>
    /// <param name="timeProvider">The clock for acquire and commit times.</param>
    public SqliteCheckpointStore(string pathOrConnectionString, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = pathOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        _connectionString = builder.ToString();
        _timeProvider = timeProvider;
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        // WAL lets reads run beside the writer. The mode is stored in the file and cannot change inside a transaction.
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var wal = new SqliteCommand("PRAGMA journal_mode = WAL", connection))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        // Serialised with this store's writers: the migrator's lock would otherwise contend with them.
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await SchemaMigrator.MigrateAsync(StorageDatabase.Sqlite, _connectionString, cancellationToken: cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<PartitionLease> AcquireAsync(PartitionId partition, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(connection, transaction, SqliteCheckpointSql.Acquire, partition);
                command.Parameters.AddWithValue("@owner", owner);
                command.Parameters.AddWithValue("@now", Now());
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return new PartitionLease(partition, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OutboxRow>> CommitAsync(
        PartitionId partition, long epoch, long nextOffset, IReadOnlyList<OutboxRecord> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync<IReadOnlyList<OutboxRow>>(
            async (connection, transaction) =>
            {
                long first;
                await using (var advance = Command(connection, transaction, SqliteCheckpointSql.Advance, partition))
                {
                    advance.Parameters.AddWithValue("@epoch", epoch);
                    advance.Parameters.AddWithValue("@offset", nextOffset);
                    advance.Parameters.AddWithValue("@count", (long)messages.Count);
                    advance.Parameters.AddWithValue("@now", Now());
                    first = await advance.ExecuteScalarAsync(cancellationToken) is long value
                        ? value
                        : throw new PartitionFencedException(partition, epoch);
                }

                var rows = new List<OutboxRow>(messages.Count);
                await using var insert = Command(connection, transaction, SqliteCheckpointSql.InsertOutbox, partition);
                var sequence = insert.Parameters.Add("@sequence", SqliteType.Integer);
                var kind = insert.Parameters.Add("@kind", SqliteType.Text);
                var key = insert.Parameters.Add("@key", SqliteType.Text);
                var envelope = insert.Parameters.Add("@envelope", SqliteType.Blob);
                foreach (var message in messages)
                {
                    var row = new OutboxRow(first + rows.Count, message.TargetKind, message.TargetKey, message.Envelope);
                    (sequence.Value, kind.Value, key.Value, envelope.Value) = (row.Sequence, row.TargetKind, row.TargetKey, row.Envelope);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    rows.Add(row);
                }

                return rows;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(PartitionId partition, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, SqliteCheckpointSql.ReadOutbox, partition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3)));
        }

        return rows;
    }

    public Task DeleteOutboxAsync(PartitionId partition, long epoch, long throughSequence, CancellationToken cancellationToken) => WriteAsync(
        async (connection, transaction) =>
        {
            await using (var fence = Command(connection, transaction, SqliteCheckpointSql.Fence, partition))
            {
                fence.Parameters.AddWithValue("@epoch", epoch);
                if (await fence.ExecuteScalarAsync(cancellationToken) is null)
                {
                    throw new PartitionFencedException(partition, epoch);
                }
            }

            await using var delete = Command(connection, transaction, SqliteCheckpointSql.DeleteOutbox, partition);
            delete.Parameters.AddWithValue("@through", throughSequence);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        },
        cancellationToken);

    /// <summary>Closes the pooled connections, which otherwise keep the database file open.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeLock.Dispose();
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = new SqliteCommand(ConnectionPragmas, connection);
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, PartitionId partition)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition.Cluster);
        ArgumentException.ThrowIfNullOrEmpty(partition.Topic);
        var command = new SqliteCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("@cluster", partition.Cluster);
        command.Parameters.AddWithValue("@topic", partition.Topic);
        command.Parameters.AddWithValue("@partition", partition.Partition);
        return command;
    }

    private string Now() => _timeProvider.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
