using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Runtime.Hosting;

/// <summary>Ready once the silo has joined its cluster, holds an assignment and reaches storage.</summary>
internal sealed class RuntimeHealthCheck(SiloRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reason = runtime.NotReadyReason;
        return Task.FromResult(reason is null ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy(reason));
    }
}
