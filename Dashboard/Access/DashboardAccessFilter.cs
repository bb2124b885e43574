using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Access;

/// <summary>
/// Runs the registered <see cref="IDashboardAccess"/> before every data endpoint and answers a
/// refusal as problem+json. The rule is resolved per request, so a scoped rule works too.
/// </summary>
internal sealed class DashboardAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = http.RequestServices.GetRequiredService<IDashboardAccess>().Check(http);
        if (result.IsAllowed)
        {
            return await next(context).ConfigureAwait(false);
        }

        if (result.StatusCode == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyDashboardAccess.KeyHeader}\"";
        }

        return Results.Problem(
            title: result.StatusCode == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden",
            detail: result.Reason,
            statusCode: result.StatusCode);
    }
}
