using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Runtime.Diagnostics;

/// <summary>Wires <see cref="PrometheusExporter"/> into dependency injection and routing.</summary>
public static class MetricsEndpointExtensions
{
    /// <summary>The content type Prometheus expects for the text exposition format 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// Registers a singleton <see cref="PrometheusExporter"/> for the meters matching
    /// <paramref name="meterPrefixes"/> (for example "Runtime", "Grains", "Api",
    /// "Microsoft.AspNetCore.Hosting"); the container disposes it.
    /// </summary>
    public static IServiceCollection AddPrometheusExporter(this IServiceCollection services, params string[] meterPrefixes)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(meterPrefixes);
        if (meterPrefixes.Length == 0)
        {
            // Fail at registration rather than on the first scrape, when the exporter is built.
            throw new ArgumentException("At least one meter name prefix is required.", nameof(meterPrefixes));
        }

        // A factory registration, unlike a registered instance, is owned and disposed by the container.
        var prefixes = meterPrefixes.ToArray();
        services.AddSingleton(_ => new PrometheusExporter(prefixes));
        return services;
    }

    /// <summary>
    /// Serves the exporter's output at <paramref name="pattern"/> with GET. The exporter is resolved
    /// here rather than on the first scrape because it only counts measurements made after it
    /// exists; mapping at startup therefore starts the counting at startup.
    /// </summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        var exporter = endpoints.ServiceProvider.GetRequiredService<PrometheusExporter>();
        return endpoints
            .MapGet(pattern, () => Results.Text(exporter.Render(), ContentType))
            .ExcludeFromDescription();
    }
}
