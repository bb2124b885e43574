using Npgsql;
using TestInfrastructure;

namespace Ingest.Tests.Crash;

/// <summary>Reads a test cluster's membership and checkpoint rows in PostgreSQL, without taking part in either.</summary>
public static class ClusterTables
{
    /// <summary>Silos that Orleans' membership lists as Active (status 3).</summary>
    public static Task<long> ActiveSilosAsync(string cluster) =>
        ScalarAsync("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = 3", cluster, "");

    /// <summary>The next offsets of every partition summed: the records committed so far.</summary>
    public static Task<long> CommittedRecordsAsync(string cluster, string topic) =>
        ScalarAsync("SELECT coalesce(sum(next_offset), 0)::bigint FROM ingest_partitions WHERE cluster = @cluster AND topic = @topic", cluster, topic);

    /// <summary>Outbox rows committed but not yet delivered.</summary>
    public static Task<long> UndeliveredAsync(string cluster, string topic) =>
        ScalarAsync("SELECT count(*) FROM ingest_outbox WHERE cluster = @cluster AND topic = @topic", cluster, topic);

    /// <summary>Partitions last acquired by the silo process <paramref name="processId"/> (owners are <c>machine:pid:guid</c>).</summary>
    public static Task<long> OwnedByAsync(string cluster, string topic, int processId) =>
        ScalarAsync(
            "SELECT count(*) FROM ingest_partitions WHERE cluster = @cluster AND topic = @topic AND owner LIKE @owner",
            cluster,
            topic,
            $"{Environment.MachineName}:{processId}:%");

    /// <summary>Records committed by partitions the process <paramref name="processId"/> owns.</summary>
    public static Task<long> CommittedByAsync(string cluster, string topic, int processId) =>
        ScalarAsync(
            "SELECT coalesce(sum(next_offset), 0)::bigint FROM ingest_partitions WHERE cluster = @cluster AND topic = @topic AND owner LIKE @owner",
            cluster,
            topic,
            $"{Environment.MachineName}:{processId}:%");

    private static async Task<long> ScalarAsync(string sql, string cluster, string topic, string? owner = null)
    {
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("cluster", cluster);
        if (sql.Contains("@topic", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("topic", topic);
        }

        if (owner is not null)
        {
            command.Parameters.AddWithValue("owner", owner);
        }

        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The first silo has not created the checkpoint tables yet.
            return 0;
        }
    }
}
