namespace Api.Security;

/// <summary>One configured key: <c>Api:Keys:&lt;name&gt;:Key</c> and <c>Api:Keys:&lt;name&gt;:Role</c>.</summary>
public sealed class ApiKeyDefinition
{
    /// <summary>The secret the caller sends in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>One of <see cref="ApiRoles.All"/>.</summary>
    public string Role { get; set; } = "";
}
