using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Runtime.Storage.Postgres;

/// <summary>
/// <see cref="ICheckpointStore"/> on PostgreSQL. Every commit is one transaction whose first statement
/// is the epoch-checked update of the partition row: it takes that row's lock, so a concurrent
/// <see cref="AcquireAsync"/> (which bumps the epoch on the same row) either waits for the commit
/// and then sees its positions, or commits first and makes the update match nothing.
/// </summary>
public sealed class PostgresCheckpointStore : ICheckpointStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Uses a data source owned by the caller (not disposed by this store).</summary>
    public PostgresCheckpointStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<PostgresCheckpointStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Creates and owns a data source for <paramref name="connectionString"/>.</summary>
    public PostgresCheckpointStore(string connectionString, TimeProvider timeProvider, ILogger<PostgresCheckpointStore>? logger = null)
        : this(NpgsqlDataSource.Create(WithTransactionTimeout(connectionString)), timeProvider, logger)
    {
        _ownsDataSource = true;
    }

    /// <summary>
    /// A silo frozen (SIGSTOP, a VM pause) in the middle of a commit keeps its transaction open and
    /// the partition row locked, and the kernel keeps the socket alive, so the new owner's acquire
    /// would wait for as long as the freeze lasts. PostgreSQL ends a session idle inside a
    /// transaction after this long, which releases the lock; a commit never idles mid-way otherwise.
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

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostgresMigrations.ApplyAsync(connection, transaction, _timeProvider, _logger, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<PartitionLease> AcquireAsync(string cluster, int partition, SiloIdentity owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        ArgumentNullException.ThrowIfNull(owner);
        await using var command = _dataSource.CreateCommand(PostgresSql.Acquire);
        command.Parameters.AddWithValue("cluster", cluster);
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("silo", owner.SiloId);
        command.Parameters.AddWithValue("address", owner.Address);
        command.Parameters.AddWithValue("now", _timeProvider.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PartitionLease(partition, reader.GetInt64(0), StorageJson.DeserializeMap(reader.GetString(1)), StorageJson.DeserializeMap(reader.GetString(2)));
    }

    public async Task<IReadOnlyDictionary<string, StoredGrainState>> ReadGrainsAsync(
        string cluster, string grainType, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        ArgumentNullException.ThrowIfNull(grainType);
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoredGrainState>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await using var command = _dataSource.CreateCommand(PostgresSql.ReadGrains);
        command.Parameters.AddWithValue("cluster", cluster);
        command.Parameters.AddWithValue("type", grainType);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new StoredGrainState(reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        return result;
    }

    public async Task CommitAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint.Cluster);
        var batch = GrainWriteBatch.From(checkpoint.Grains);
        var now = _timeProvider.GetUtcNow();

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var fence = new NpgsqlCommand(PostgresSql.Fence, connection, transaction))
        {
            fence.Parameters.AddWithValue("positions", NpgsqlDbType.Jsonb, StorageJson.SerializeMap(checkpoint.Positions));
            fence.Parameters.AddWithValue("dedupe", NpgsqlDbType.Jsonb, StorageJson.SerializeMap(checkpoint.DedupeMarks));
            fence.Parameters.AddWithValue("now", now);
            fence.Parameters.AddWithValue("cluster", checkpoint.Cluster);
            fence.Parameters.AddWithValue("partition", checkpoint.Partition);
            fence.Parameters.AddWithValue("epoch", checkpoint.Epoch);
            if (await fence.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // Disposing the transaction rolls it back, so nothing of this commit is written.
                throw new PartitionFencedException(checkpoint.Cluster, checkpoint.Partition, checkpoint.Epoch);
            }
        }

        if (!batch.IsEmpty)
        {
            await using var grains = new NpgsqlBatch(connection, transaction);
            if (batch.UpsertKeys.Length > 0)
            {
                var upsert = new NpgsqlBatchCommand(PostgresSql.UpsertGrains);
                upsert.Parameters.AddWithValue("cluster", checkpoint.Cluster);
                upsert.Parameters.AddWithValue("now", now);
                upsert.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.UpsertTypes });
                upsert.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.UpsertKeys });
                upsert.Parameters.Add(new NpgsqlParameter<byte[][]>("states", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = batch.UpsertStates });
                grains.BatchCommands.Add(upsert);
            }

            if (batch.DeleteKeys.Length > 0)
            {
                var delete = new NpgsqlBatchCommand(PostgresSql.DeleteGrains);
                delete.Parameters.AddWithValue("cluster", checkpoint.Cluster);
                delete.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.DeleteTypes });
                delete.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.DeleteKeys });
                grains.BatchCommands.Add(delete);
            }

            await grains.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PartitionOwnership>> ReadDirectoryAsync(string cluster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        await using var command = _dataSource.CreateCommand(PostgresSql.ReadDirectory);
        command.Parameters.AddWithValue("cluster", cluster);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<PartitionOwnership>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new PartitionOwnership(reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return result;
    }

    public async Task HeartbeatAsync(string cluster, SiloRecord silo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        ArgumentNullException.ThrowIfNull(silo);
        await using var command = _dataSource.CreateCommand(PostgresSql.Heartbeat);
        command.Parameters.AddWithValue("cluster", cluster);
        command.Parameters.AddWithValue("silo", silo.SiloId);
        command.Parameters.AddWithValue("address", silo.Address);
        command.Parameters.AddWithValue("host", silo.HostName);
        command.Parameters.AddWithValue("started", silo.StartedAt.ToUniversalTime());
        command.Parameters.AddWithValue("now", _timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("status", silo.Status);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(string cluster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        await using var command = _dataSource.CreateCommand(PostgresSql.ReadSilos);
        command.Parameters.AddWithValue("cluster", cluster);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<SiloRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SiloRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5)));
        }

        return result;
    }

    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }
}
