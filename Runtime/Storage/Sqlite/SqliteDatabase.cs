using Microsoft.Data.Sqlite;

namespace Runtime.Storage.Sqlite;

/// <summary>Opens configured connections to one SQLite file and serialises this process's writers.</summary>
internal sealed class SqliteDatabase : IDisposable
{
    // Connection settings that are not stored in the database file, so every connection sets them.
    // synchronous=NORMAL in WAL mode: see SqliteCheckpointStore for why that is crash-safe enough.
    // busy_timeout covers writers in other processes (or other stores) on the same file.
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";

    private readonly string _connectionString;

    // SQLite has a single writer. Queueing our writers here is cheaper and fairer than having
    // them poll in SQLite's busy handler.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    static SqliteDatabase() => SQLitePCL.Batteries_V2.Init();

    public SqliteDatabase(string pathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnectionString);
        var builder = pathOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        _connectionString = builder.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
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

    /// <summary>Runs <paramref name="write"/> on a fresh connection while holding this process's write lock.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the pooled connections, which otherwise keep the database file open.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeLock.Dispose();
    }
}
