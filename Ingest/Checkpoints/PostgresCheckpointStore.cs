using Npgsql;
using NpgsqlTypes;
using Storage;
using Storage.Migrations;

namespace Ingest.Checkpoints;

/// <summary>
/// <see cref="ICheckpointStore"/> on PostgreSQL. A commit's first statement is the epoch-checked
/// update of the partition row, which takes that row's lock: a concurrent acquire (an update of the
/// same row) either waits for the commit and then sees it, or commits first and fences it.
/// </summary>
public sealed class PostgresCheckpointStore : ICheckpointStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    public PostgresCheckpointStore(string connectionString, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(WithTransactionTimeout(connectionString));
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// A silo frozen (SIGSTOP, a VM pause) inside a commit keeps the partition row locked while the
    /// kernel keeps its socket open, so the new owner's acquire would wait as long as the freeze.
    /// PostgreSQL ends a session idle in a transaction after this long, which releases the lock.
    /// </summary>
    internal static string WithTransactionTimeout(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal) != true)
        {
            builder.Options = ((builder.Options ?? "") + " -c idle_in_transaction_session_timeout=5000").Trim();
        }

        return builder.ConnectionString;
    }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) =>
        SchemaMigrator.MigrateAsync(StorageDatabase.PostgreSql, _connectionString, cancellationToken: cancellationToken);

    public async Task<PartitionLease> AcquireAsync(PartitionId partition, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await using var command = _dataSource.CreateCommand(PostgresCheckpointSql.Acquire);
        AddKey(command.Parameters, partition);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", _timeProvider.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PartitionLease(partition, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<IReadOnlyList<OutboxRow>> CommitAsync(
        PartitionId partition, long epoch, long nextOffset, IReadOnlyList<OutboxRecord> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long first;
        await using (var advance = new NpgsqlCommand(PostgresCheckpointSql.Advance, connection, transaction))
        {
            AddKey(advance.Parameters, partition);
            advance.Parameters.AddWithValue("epoch", epoch);
            advance.Parameters.AddWithValue("offset", nextOffset);
            advance.Parameters.AddWithValue("count", (long)messages.Count);
            advance.Parameters.AddWithValue("now", _timeProvider.GetUtcNow());

            // No row: the epoch moved on. Disposing the transaction rolls it back.
            first = await advance.ExecuteScalarAsync(cancellationToken) is long value
                ? value
                : throw new PartitionFencedException(partition, epoch);
        }

        if (messages.Count > 0)
        {
            await using var insert = new NpgsqlCommand(PostgresCheckpointSql.InsertOutbox, connection, transaction);
            AddKey(insert.Parameters, partition);
            insert.Parameters.AddWithValue("first", first);
            insert.Parameters.Add(new NpgsqlParameter<string[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. messages.Select(m => m.TargetKind)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. messages.Select(m => m.TargetKey)] });
            insert.Parameters.Add(new NpgsqlParameter<byte[][]>("envelopes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. messages.Select(m => m.Envelope)] });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. messages.Select((m, i) => new OutboxRow(first + i, m.TargetKind, m.TargetKey, m.Envelope))];
    }

    public async Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(PartitionId partition, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresCheckpointSql.ReadOutbox);
        AddKey(command.Parameters, partition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3)));
        }

        return rows;
    }

    public async Task DeleteOutboxAsync(PartitionId partition, long epoch, long throughSequence, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var fence = new NpgsqlCommand(PostgresCheckpointSql.Fence, connection, transaction))
        {
            AddKey(fence.Parameters, partition);
            fence.Parameters.AddWithValue("epoch", epoch);
            if (await fence.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw new PartitionFencedException(partition, epoch);
            }
        }

        await using (var delete = new NpgsqlCommand(PostgresCheckpointSql.DeleteOutbox, connection, transaction))
        {
            AddKey(delete.Parameters, partition);
            delete.Parameters.AddWithValue("through", throughSequence);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void AddKey(NpgsqlParameterCollection parameters, PartitionId partition)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition.Cluster);
        ArgumentException.ThrowIfNullOrEmpty(partition.Topic);
        parameters.AddWithValue("cluster", partition.Cluster);
        parameters.AddWithValue("topic", partition.Topic);
        parameters.AddWithValue("partition", partition.Partition);
    }
}
