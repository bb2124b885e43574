using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Silo.Hosting;

/// <summary>Ready only while the co-hosted Orleans silo is an active member of its cluster.</summary>
internal sealed class OrleansSiloHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("the Orleans silo is active")
            : HealthCheckResult.Unhealthy($"the Orleans silo is {status}, not active"));
    }
}
