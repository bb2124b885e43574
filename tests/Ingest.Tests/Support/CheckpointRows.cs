using Npgsql;
using TestInfrastructure;

namespace Ingest.Tests.Support;

/// <summary>Reads the PostgreSQL checkpoint rows of a test's cluster directly, without acquiring anything.</summary>
public static class CheckpointRows
{
    /// <summary>How many distinct owners hold the topic's partitions.</summary>
    public static async Task<long> OwnersAsync(string cluster, string topic)
    {
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(DISTINCT owner) FROM ingest_partitions WHERE cluster = @cluster AND topic = @topic", connection);
        command.Parameters.AddWithValue("cluster", cluster);
        command.Parameters.AddWithValue("topic", topic);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }
}
