using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Runtime.Diagnostics;
using Runtime.Remoting;

namespace Runtime.Hosting;

/// <summary>Maps what every silo serves for the runtime itself: grain calls, health and metrics.</summary>
public static class RuntimeEndpointExtensions
{
    public static IEndpointRouteBuilder MapRuntimeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrainCalls();
        endpoints.MapPrometheusMetrics();

        // Liveness checks nothing external: a silo waiting for storage is alive, just not ready.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).ExcludeFromDescription();
        return endpoints;
    }
}
