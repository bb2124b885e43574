using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Runtime.Remoting;

namespace Dashboard.Access;

/// <summary>
/// The default access rule, the API's own: with keys configured (<c>Api:Keys:&lt;name&gt;:Key</c>
/// and <c>:Role</c>), only an admin key in <c>X-Api-Key</c>, <c>Authorization: Bearer</c> or the
/// session cookie passes; with none, only callers on loopback do.
/// </summary>
public sealed class ApiKeyDashboardAccess(IConfiguration configuration) : IDashboardAccess
{
    public const string KeyHeader = ApiKeyHeader.Name;

    public const string AdminRole = "admin";

    /// <summary>
    /// Carries the admin key to pages that cannot send a header, such as the Orleans Dashboard's:
    /// set by <c>POST /dashboard/api/session</c>, HttpOnly and sent only below <see cref="SessionCookiePath"/>.
    /// </summary>
    public const string SessionCookie = "dashboard-key";

    public const string SessionCookiePath = "/orleans";

    public DashboardAccessResult Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Read on every request, so keys rotated in a reloadable source take effect at once.
        var keys = configuration.GetSection("Api:Keys").GetChildren()
            .Select(section => (Key: section["Key"], Role: section["Role"]))
            .Where(entry => !string.IsNullOrEmpty(entry.Key))
            .ToList();
        if (keys.Count == 0)
        {
            return IsLoopback(context.Connection.RemoteIpAddress)
                ? DashboardAccessResult.Allowed
                : DashboardAccessResult.Forbidden("No API keys are configured, so the dashboard answers loopback callers only.");
        }

        var presented = ApiKeyHeader.Read(context.Request) ?? context.Request.Cookies[SessionCookie];
        if (presented is null)
        {
            return DashboardAccessResult.Unauthenticated($"An admin key is required in the {KeyHeader} header.");
        }

        var match = keys.FirstOrDefault(entry => FixedTimeEquals(entry.Key!, presented));
        if (match.Key is null)
        {
            return DashboardAccessResult.Unauthenticated("The key is not known.");
        }

        return string.Equals(match.Role, AdminRole, StringComparison.Ordinal)
            ? DashboardAccessResult.Allowed
            : DashboardAccessResult.Forbidden("The dashboard needs a key with role admin.");
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    // Comparing in fixed time keeps the response time from telling how much of a guessed key matched.
    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
