using Npgsql;
using TestInfrastructure;

namespace Runtime.Tests.Storage;

/// <summary>The real PostgreSQL that the project installs and starts answers reads and writes.</summary>
public sealed class PostgresStackTests
{
    [Fact]
    public async Task WriteRow_ThenReadItBack_ReturnsIt()
    {
        var table = RealServices.UniqueName("stack").Replace('-', '_');
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE {table} (id int PRIMARY KEY, note text)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            await using (var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES (1, @note)", connection))
            {
                insert.Parameters.AddWithValue("note", "hello from the test");
                await insert.ExecuteNonQueryAsync();
            }

            await using var select = new NpgsqlCommand($"SELECT note FROM {table} WHERE id = 1", connection);
            Assert.Equal("hello from the test", await select.ExecuteScalarAsync());
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"DROP TABLE {table}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
