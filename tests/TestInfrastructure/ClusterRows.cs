using Npgsql;

namespace TestInfrastructure;

/// <summary>
/// Removes the rows a throw-away cluster left in PostgreSQL. The benchmarks leave tens of thousands per
/// run; kept, they piled up run after run (7.8 GB once, and 327 MB of leftovers from one Api.Bench run
/// and earlier test runs another time), and later runs' writes then went to a table far larger than
/// the buffer cache.
/// </summary>
public static class ClusterRows
{
    public static async Task DeleteAsync(RealServices services, IReadOnlyList<string> clusters)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clusters);
        await using var dataSource = NpgsqlDataSource.Create(services.PostgresConnectionString);
        foreach (var table in new[] { "rt_grains", "rt_partitions", "rt_silos" })
        {
            await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE cluster = ANY(@clusters)");
            command.Parameters.AddWithValue("clusters", clusters.ToArray());
            await command.ExecuteNonQueryAsync();
        }
    }
}
