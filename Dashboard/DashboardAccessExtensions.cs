using Dashboard.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dashboard;

/// <summary>Puts other operator pages, such as the Orleans Dashboard, behind the dashboard's own access rule.</summary>
public static class DashboardAccessExtensions
{
    /// <summary>Every endpoint of <paramref name="group"/> answers only callers that <see cref="IDashboardAccess"/> admits.</summary>
    public static RouteGroupBuilder RequireDashboardAccess(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter<DashboardAccessFilter>();
    }
}
