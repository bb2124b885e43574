using Microsoft.AspNetCore.Http;

namespace Dashboard.Access;

/// <summary>
/// Decides whether a request may read the dashboard's data. Replace the registration to plug in
/// another scheme; the default is <see cref="ApiKeyDashboardAccess"/>.
/// </summary>
public interface IDashboardAccess
{
    DashboardAccessResult Check(HttpContext context);
}
