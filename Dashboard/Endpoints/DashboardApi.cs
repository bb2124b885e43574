using Dashboard.Access;
using Dashboard.Cluster;
using Dashboard.Experiments;
using Dashboard.History;
using Grains.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Runtime.Abstractions;
using Runtime.Remoting;

namespace Dashboard.Endpoints;

/// <summary>The dashboard's JSON endpoints under <c>/dashboard/api</c>, every one behind <see cref="IDashboardAccess"/>.</summary>
internal static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder dashboard)
    {
        // Open by design: it tells the page whether to prompt for a key, and reveals nothing else.
        dashboard.MapGet("/api/access", (HttpContext context, IDashboardAccess access) =>
            {
                var result = access.Check(context);
                return Results.Json(new AccessReport(result.IsAllowed, result.StatusCode == StatusCodes.Status401Unauthorized, result.Reason), DashboardJsonContext.Default.AccessReport);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        var api = dashboard.MapGroup("/api").AddEndpointFilter<DashboardAccessFilter>();
        // The Orleans Dashboard's page cannot send the key header: this hands the admitted key to it as an HttpOnly cookie.
        api.MapPost("/session", (HttpContext context) =>
        {
            if (ApiKeyHeader.Read(context.Request) is { } key)
            {
                context.Response.Cookies.Append(ApiKeyDashboardAccess.SessionCookie, key, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    Path = ApiKeyDashboardAccess.SessionCookiePath,
                });
            }

            return Results.NoContent();
        });
        api.MapGet("/self", (ClusterReporter reporter) => Results.Json(reporter.Self(), DashboardJsonContext.Default.SiloReport));
        api.MapGet("/cluster", async (HttpContext context, ClusterReporter reporter, CancellationToken cancellationToken) =>
            Results.Json(await reporter.BuildAsync(ApiKeyHeader.Read(context.Request), cancellationToken).ConfigureAwait(false), DashboardJsonContext.Default.ClusterReport));
        api.MapGet("/history", (long? since, DashboardHistory history) =>
            Results.Json(
                new HistoryReport(history.SampleInterval.TotalSeconds, history.Window.TotalSeconds, history.Latest?.Sequence ?? 0, [.. history.Since(since ?? 0)]),
                DashboardJsonContext.Default.HistoryReport));
        api.MapGet("/experiments", (ExperimentCatalog catalog) =>
            Results.Json(catalog.All().Select(ExperimentSummary.From).ToList(), DashboardJsonContext.Default.ListExperimentSummary));
        api.MapGet("/experiments/{id}", ExperimentAsync);
        api.MapGet("/users/{id}", UserAsync);
        return dashboard;
    }

    private static async Task<IResult> ExperimentAsync(string id, IGrainFactory grains, DashboardHistory history)
    {
        if (!EventValidator.IsValidId(id))
        {
            return InvalidId(id);
        }

        return await GrainCallAsync(async () =>
        {
            var grain = grains.GetGrain<IExperimentGrain>(id);
            var results = await grain.GetResultsAsync().ConfigureAwait(false);
            if (results is null)
            {
                return Results.Problem(title: "Not found", detail: $"No experiment '{id}' is defined.", statusCode: StatusCodes.Status404NotFound);
            }

            var detail = new ExperimentDetail
            {
                Definition = await grain.GetDefinitionAsync().ConfigureAwait(false),
                Results = results,
                Traffic = [.. history.TrafficOf(id)],
            };
            return Results.Json(detail, DashboardJsonContext.Default.ExperimentDetail);
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> UserAsync(string id, IGrainFactory grains)
    {
        if (!EventValidator.IsValidId(id))
        {
            return InvalidId(id);
        }

        return await GrainCallAsync(async () =>
            Results.Json(await grains.GetGrain<IUserGrain>(id).GetFeaturesAsync().ConfigureAwait(false), DashboardJsonContext.Default.UserFeatures)).ConfigureAwait(false);
    }

    private static IResult InvalidId(string id) =>
        Results.Problem(title: "Invalid id", detail: $"'{id}' is not an id: 1 to {EventLimits.MaxIdLength} letters, digits and - _ . : @.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Answers a grain that is unreachable or failing as a problem, so the page can show it and keep polling.</summary>
    private static async Task<IResult> GrainCallAsync(Func<Task<IResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (GrainUnavailableException exception)
        {
            return Results.Problem(title: "Grain unavailable", detail: exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (TimeoutException exception)
        {
            return Results.Problem(title: "Grain call timed out", detail: exception.Message, statusCode: StatusCodes.Status504GatewayTimeout);
        }
        catch (GrainCallException exception)
        {
            return Results.Problem(title: "Grain call failed", detail: exception.Message, statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
