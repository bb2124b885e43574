using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Api.Security;

/// <summary>
/// Meets <see cref="ApiRoleRequirement"/> for a key of a granting role, and for everyone when no keys are
/// configured: the server then listens on loopback only (see <see cref="LoopbackGuard"/>).
/// </summary>
internal sealed class ApiRoleHandler(ApiKeyTable keys) : AuthorizationHandler<ApiRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiRoleRequirement requirement)
    {
        if (!keys.Enabled || context.User.FindAll(ClaimTypes.Role).Any(claim => ApiRoles.Grants(claim.Value, requirement.Role)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
