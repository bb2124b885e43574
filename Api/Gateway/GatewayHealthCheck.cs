using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Api.Gateway;

/// <summary>Ready once the directory names an owner for every partition and at least one silo is alive.</summary>
internal sealed class GatewayHealthCheck(GatewayDirectory directory) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(directory.IsReady ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy("waiting for the partition directory and a live silo"));
}
