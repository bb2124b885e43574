using Microsoft.AspNetCore.Http;

namespace Runtime.Remoting;

/// <summary>How a caller presents an API key, the same for the API, the dashboard and silo-to-silo calls made on a caller's behalf.</summary>
public static class ApiKeyHeader
{
    public const string Name = "X-Api-Key";

    /// <summary>The key in <c>X-Api-Key</c>, else the token of <c>Authorization: Bearer</c>, else null.</summary>
    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[Name].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > Bearer.Length
            ? authorization[Bearer.Length..].Trim()
            : null;
    }
}
