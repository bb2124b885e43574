using Microsoft.AspNetCore.Authorization;

namespace Api.Security;

/// <summary>Requires a key whose role grants <see cref="Role"/> (see <see cref="ApiRoles.Grants"/>).</summary>
public sealed class ApiRoleRequirement(string role) : IAuthorizationRequirement
{
    public string Role { get; } = role;
}
