using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Api.Security;

/// <summary>
/// Direct grain calls (<c>/_grains</c>, served by the runtime) can do anything an operator can, so with keys
/// configured they need an admin key; silos send theirs (see <see cref="ApiOptions.InternalKey"/>).
/// </summary>
internal sealed class GrainCallGuard(RequestDelegate next, ApiKeyTable keys)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!keys.Enabled || context.User.FindAll(ClaimTypes.Role).Any(claim => ApiRoles.Grants(claim.Value, ApiRoles.Admin)))
        {
            return next(context);
        }

        return context.User.Identity?.IsAuthenticated == true
            ? context.ForbidAsync(ApiKeyAuthenticationHandler.SchemeName)
            : context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
    }
}
