using Microsoft.AspNetCore.Authorization;

namespace Api.Security;

/// <summary>Authorization policy names, one per role.</summary>
public static class ApiPolicies
{
    public const string Service = "api-service";
    public const string Admin = "api-admin";

    internal static void Add(AuthorizationOptions options)
    {
        // No scheme of their own: the default scheme (API keys) has already authenticated the request,
        // and naming it here would authenticate every request a second time.
        options.AddPolicy(Service, policy => policy.AddRequirements(new ApiRoleRequirement(ApiRoles.Service)));
        options.AddPolicy(Admin, policy => policy.AddRequirements(new ApiRoleRequirement(ApiRoles.Admin)));
    }
}
