using Api.Hosting;
using Api.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Runtime.Diagnostics;
using Runtime.Hosting;
using Runtime.Storage;
using Runtime.Storage.Postgres;

namespace Api.Gateway;

/// <summary>
/// The standalone gateway (<c>dotnet run --project Api</c>): no grains; it reads the partition directory from
/// PostgreSQL and forwards every <c>/v1</c> request to the silo that owns its key. Keys are checked here too,
/// so an unauthenticated request never reaches a silo; roles are checked by the silo.
/// </summary>
public static class GatewayHostingExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.AddApiEdge();
        builder.Services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.SectionName)).ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(options => options.PostgresConnectionString ??= configuration.GetConnectionString("Postgres"));
        builder.Services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        builder.Services.AddSingleton<ICheckpointStore>(services =>
        {
            // Reading the gateway's options validates them first, so a missing connection string is named rather than crashing Npgsql.
            _ = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new PostgresCheckpointStore(services.GetRequiredService<IOptions<StorageOptions>>().Value.PostgresConnectionString!, services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<GatewayDirectory>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GatewayDirectory>());
        builder.Services.AddSingleton<GatewayForwarder>();
        builder.Services.AddHttpClient(GatewayForwarder.ClientName)
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<GatewayOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A dead silo must fail fast so the request can be retried on the new owner.
                ConnectTimeout = TimeSpan.FromSeconds(2),
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        builder.Services.AddHealthChecks().AddCheck<GatewayHealthCheck>("gateway", tags: ["ready"]);
        builder.Services.AddPrometheusExporter("Api", "Microsoft.AspNetCore.Hosting");
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiEdge();
        var forwarder = app.Services.GetRequiredService<GatewayForwarder>();
        app.Map("/v1/{**path}", forwarder.ForwardAsync).RequireAuthorization(ApiPolicies.Service);
        app.MapGet("/openapi/v1.json", forwarder.ForwardAsync);
        app.MapPrometheusMetrics();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        });
        return app;
    }
}
