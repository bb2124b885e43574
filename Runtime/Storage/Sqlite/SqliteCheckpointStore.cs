using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Runtime.Storage.Sqlite;

/// <summary>
/// <see cref="ICheckpointStore"/> on a local SQLite file, for single-machine clusters and development.
/// </summary>
/// <remarks>
/// The database runs in WAL mode with <c>synchronous=NORMAL</c>. A commit has reached the WAL file
/// (handed to the operating system, not yet fsynced) before it returns, so a crash of the process
/// loses nothing. A power loss or kernel crash may lose the last few commits, but never part of
/// one: state and positions are lost together, and the partition resumes from the previous
/// checkpoint and replays the log from there. Skipping an fsync per commit is worth that.
/// </remarks>
public sealed partial class SqliteCheckpointStore : ICheckpointStore, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <param name="pathOrConnectionString">A database file path, or a connection string (anything containing '=').</param>
    /// <param name="timeProvider">The clock for acquire, commit and heartbeat times.</param>
    /// <param name="logger">Optional.</param>
    public SqliteCheckpointStore(string pathOrConnectionString, TimeProvider timeProvider, ILogger<SqliteCheckpointStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = new SqliteDatabase(pathOrConnectionString);
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _database.WriteAsync(
        async connection =>
        {
            // The journal mode is stored in the file, and can only change outside a transaction.
            await using (var wal = new SqliteCommand("PRAGMA journal_mode = WAL", connection))
            {
                var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    LogNotWal(_logger, mode);
                }
            }

            // IMMEDIATE holds SQLite's one write lock, which serialises silos migrating at once.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await SqliteMigrations.ApplyAsync(connection, transaction, _timeProvider, _logger, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        },
        cancellationToken);

    public Task<PartitionLease> AcquireAsync(string cluster, int partition, SiloIdentity owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        ArgumentNullException.ThrowIfNull(owner);
        return _database.WriteAsync(
            async connection =>
            {
                await using var command = new SqliteCommand(SqliteSql.Acquire, connection);
                command.Parameters.AddWithValue("@cluster", cluster);
                command.Parameters.AddWithValue("@partition", partition);
                command.Parameters.AddWithValue("@silo", owner.SiloId);
                command.Parameters.AddWithValue("@address", owner.Address);
                command.Parameters.AddWithValue("@now", SqliteTimestamp.ToText(_timeProvider.GetUtcNow()));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return new PartitionLease(partition, reader.GetInt64(0), StorageJson.DeserializeMap(reader.GetString(1)), StorageJson.DeserializeMap(reader.GetString(2)));
            },
            cancellationToken);
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

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(SqliteSql.ReadGrains, connection);
        command.Parameters.AddWithValue("@cluster", cluster);
        command.Parameters.AddWithValue("@type", grainType);
        command.Parameters.AddWithValue("@keys", StorageJson.SerializeStrings(keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new StoredGrainState(reader.GetFieldValue<byte[]>(1), SqliteTimestamp.FromText(reader.GetString(2)));
        }

        return result;
    }

    public Task CommitAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint.Cluster);
        var batch = GrainWriteBatch.From(checkpoint.Grains);
        var now = SqliteTimestamp.ToText(_timeProvider.GetUtcNow());
        return _database.WriteAsync(
            async connection =>
            {
                // IMMEDIATE takes the write lock before the fence reads the epoch, so no acquire can
                // slip in between the check and the commit.
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using (var fence = new SqliteCommand(SqliteSql.Fence, connection, transaction))
                {
                    fence.Parameters.AddWithValue("@positions", StorageJson.SerializeMap(checkpoint.Positions));
                    fence.Parameters.AddWithValue("@dedupe", StorageJson.SerializeMap(checkpoint.DedupeMarks));
                    fence.Parameters.AddWithValue("@now", now);
                    fence.Parameters.AddWithValue("@cluster", checkpoint.Cluster);
                    fence.Parameters.AddWithValue("@partition", checkpoint.Partition);
                    fence.Parameters.AddWithValue("@epoch", checkpoint.Epoch);
                    if (await fence.ExecuteNonQueryAsync(cancellationToken) == 0)
                    {
                        // Disposing the transaction rolls it back, so nothing of this commit is written.
                        throw new PartitionFencedException(checkpoint.Cluster, checkpoint.Partition, checkpoint.Epoch);
                    }
                }

                await SqliteGrainWriter.UpsertAsync(connection, transaction, checkpoint.Cluster, now, batch, cancellationToken);
                await SqliteGrainWriter.DeleteAsync(connection, transaction, checkpoint.Cluster, batch, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<PartitionOwnership>> ReadDirectoryAsync(string cluster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(SqliteSql.ReadDirectory, connection);
        command.Parameters.AddWithValue("@cluster", cluster);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<PartitionOwnership>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new PartitionOwnership(reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), SqliteTimestamp.FromText(reader.GetString(4))));
        }

        return result;
    }

    public Task HeartbeatAsync(string cluster, SiloRecord silo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        ArgumentNullException.ThrowIfNull(silo);
        return _database.WriteAsync(
            async connection =>
            {
                await using var command = new SqliteCommand(SqliteSql.Heartbeat, connection);
                command.Parameters.AddWithValue("@cluster", cluster);
                command.Parameters.AddWithValue("@silo", silo.SiloId);
                command.Parameters.AddWithValue("@address", silo.Address);
                command.Parameters.AddWithValue("@host", silo.HostName);
                command.Parameters.AddWithValue("@started", SqliteTimestamp.ToText(silo.StartedAt));
                command.Parameters.AddWithValue("@now", SqliteTimestamp.ToText(_timeProvider.GetUtcNow()));
                command.Parameters.AddWithValue("@status", silo.Status);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(string cluster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(SqliteSql.ReadSilos, connection);
        command.Parameters.AddWithValue("@cluster", cluster);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<SiloRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SiloRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                SqliteTimestamp.FromText(reader.GetString(3)), SqliteTimestamp.FromText(reader.GetString(4)), reader.GetString(5)));
        }

        return result;
    }

    public void Dispose() => _database.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite refused WAL journal mode (kept '{Mode}'); writers will block readers")]
    private static partial void LogNotWal(ILogger logger, string? mode);
}
