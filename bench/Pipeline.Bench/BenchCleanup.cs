using Npgsql;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>
/// Removes the rows a benchmark cluster left in PostgreSQL. Left behind, they piled up run after run
/// (7.8 GB once), and every later run's writes then went to a table far larger than the buffer cache.
/// </summary>
internal static class BenchCleanup
{
    public static async Task DeleteClustersAsync(RealServices services, IReadOnlyList<string> clusters)
    {
        await using var dataSource = NpgsqlDataSource.Create(services.PostgresConnectionString);
        foreach (var table in new[] { "rt_grains", "rt_partitions", "rt_silos" })
        {
            await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE cluster = ANY(@clusters)");
            command.Parameters.AddWithValue("clusters", clusters.ToArray());
            await command.ExecuteNonQueryAsync();
        }
    }
}
