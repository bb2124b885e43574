using Npgsql;
using TestInfrastructure;

namespace Storage.Tests;

/// <summary>
/// A PostgreSQL schema of its own on the shared server: its connection string puts the schema
/// first on the search path, so migrations and Orleans' unqualified queries land in it and tests
/// never see each other's tables. Dropped on dispose.
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    private PostgresSchema(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresSchema> CreateAsync(string prefix)
    {
        var name = RealServices.UniqueName(prefix).Replace('-', '_');
        await using (var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(RealServices.Instance.PostgresConnectionString) { SearchPath = name };
        return new PostgresSchema(name, builder.ConnectionString);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
