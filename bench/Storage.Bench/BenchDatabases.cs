using Microsoft.Data.Sqlite;
using Npgsql;
using Storage.Migrations;
using TestInfrastructure;

namespace Storage.Bench;

/// <summary>
/// Throw-away databases for one run, migrated with the project's schema: a PostgreSQL schema of its
/// own on the shared server and one SQLite file per provider, so neither provider's rows or WAL
/// weigh on the other. Removed on dispose.
/// </summary>
internal sealed class BenchDatabases : IAsyncDisposable
{
    private readonly string _schema = RealServices.UniqueName("bench").Replace('-', '_');
    private readonly List<string> _files = [];

    public string Postgres { get; private set; } = string.Empty;

    public async Task<string> CreatePostgresAsync()
    {
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        Postgres = new NpgsqlConnectionStringBuilder(RealServices.Instance.PostgresConnectionString) { SearchPath = _schema }.ConnectionString;
        await SchemaMigrator.MigrateAsync(StorageDatabase.PostgreSql, Postgres);
        return Postgres;
    }

    /// <summary>Clears the dead row versions the previous run left, so each run starts from the same table state.</summary>
    public async Task VacuumPostgresAsync()
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE) grain_state, OrleansStorage", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<string> CreateSqliteAsync(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{_schema}-{name}.db");
        _files.Add(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        await SchemaMigrator.MigrateAsync(StorageDatabase.Sqlite, connectionString);
        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
