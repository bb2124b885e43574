using Microsoft.AspNetCore.Authorization;

namespace Api.Security;

/// <summary>Authorization policy names, one per role.</summary>
public static class ApiPolicies
{
    public const string Service = "api-service";
    public const string Admin = "api-admin";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Service, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).AddRequirements(new ApiRoleRequirement(ApiRoles.Service)));
        options.AddPolicy(Admin, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).AddRequirements(new ApiRoleRequirement(ApiRoles.Admin)));
    }
}
