using Ingest.Processing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ingest.TestSilo;

/// <summary>
/// Ready when this silo is Active in the cluster's membership and owns at least one partition in
/// the checkpoint table. The ingest service names its owner <c>machine:pid:guid</c>, so this
/// process's rows are found by their prefix.
/// </summary>
internal sealed class IngestReadyCheck(IClusterMembershipService membership, ILocalSiloDetails silo, IOptions<IngestOptions> ingest, IConfiguration configuration)
    : IHealthCheck
{
    private readonly string _connectionString = configuration.GetConnectionString("Postgres") ?? "";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy("the silo is not active");
        }

        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM ingest_partitions WHERE cluster = @cluster AND topic = @topic AND owner LIKE @owner", connection);
            command.Parameters.AddWithValue("cluster", ingest.Value.ClusterName);
            command.Parameters.AddWithValue("topic", ingest.Value.Topic);
            command.Parameters.AddWithValue("owner", $"{Environment.MachineName}:{Environment.ProcessId}:%");
            var owned = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
            return owned > 0 ? HealthCheckResult.Healthy($"{owned} partitions") : HealthCheckResult.Unhealthy("no partition assigned yet");
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return HealthCheckResult.Unhealthy("the checkpoint tables do not exist yet");
        }
    }
}
