using Api.Endpoints;
using Api.Problems;
using Api.Security;
using Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Runtime.Abstractions.Remoting;
using Runtime.Remoting;

namespace Api.Hosting;

/// <summary>Adds the public HTTP API (<c>/v1/…</c>, OpenAPI at <c>/openapi/v1.json</c>) to a silo.</summary>
public static class ApiHostingExtensions
{
    /// <summary>
    /// Adds the API's services: API keys and roles, problem+json errors, request limits, OpenAPI and JSON
    /// metadata. Call after the runtime is added (<c>AddGrains</c>), whose silo-to-silo client it extends with the internal key.
    /// </summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApiEdge();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<ApiKeyOpenApiTransformer>());
        builder.Services.AddHttpClient(ClusterApi.PeerClientName, client => client.Timeout = TimeSpan.FromSeconds(2));
        builder.Services.Replace(ServiceDescriptor.Singleton(services => new HttpGrainTransport(
            SiloHttpClient.Create(services.GetRequiredService<IOptions<ApiOptions>>().Value.InternalKey()), services.GetRequiredService<GrainCallCodec>())));
        return builder;
    }

    /// <summary>Maps every endpoint group, and guards <c>/_grains</c> with the admin role when keys are configured.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiEdge();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/_grains", StringComparison.Ordinal), branch => branch.UseMiddleware<GrainCallGuard>());
        app.MapOpenApi();
        app.MapEventsApi();
        app.MapUsersApi();
        app.MapPlanningApi();
        app.MapExperimentsApi();
        app.MapDecideApi();
        app.MapRecommendApi();
        app.MapTrendingApi();
        app.MapClusterApi();
        return app;
    }

    /// <summary>What the silo's API and the standalone gateway share: keys, the loopback rule, limits and problem+json.</summary>
    internal static void AddApiEdge(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyTable>();
        builder.Services.AddHostedService<LoopbackGuard>();

        // Without keys every policy grants everything (and the server listens on loopback only), so
        // authenticating and authorizing each request would decide nothing, for a tenth of a decide's
        // CPU. Their services are then not registered at all, since WebApplication adds both
        // middleware by itself whenever they are; the endpoints' authorization metadata goes unenforced.
        if (builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()?.KeysConfigured == true)
        {
            builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
            builder.Services.AddAuthorization(ApiPolicies.Add);
            builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ApiRoleHandler>();
        }
        else
        {
            builder.Services.Configure<RouteOptions>(routing => routing.SuppressCheckForUnhandledSecurityMetadata = true);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // Numbers are strict JSON numbers, and the OpenAPI schema says so: an undefined statistic
            // is a nullable field set to null (see Statistic), never the string "NaN".
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, GrainsJsonContext.Default);
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<ApiOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
    }

    internal static void UseApiEdge(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var authentication = app.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is not null;
        if (app.Services.GetRequiredService<ApiKeyTable>().Enabled && !authentication)
        {
            // Keys that arrived other than through configuration (AddApiEdge reads it): refuse to serve unprotected.
            throw new InvalidOperationException($"API keys are configured but {ApiOptions.SectionName}:Keys was empty when the API was added; configure the keys in that section.");
        }

        if (authentication)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
    }
}
