using Dashboard.Assets;
using Dashboard.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard;

/// <summary>Maps the dashboard: the page at <c>/dashboard/</c> and its data under <c>/dashboard/api</c>.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the page, its assets and the JSON endpoints, and returns the <c>/dashboard</c> group so the
    /// host can add conventions such as <c>RequireAuthorization</c>. The page and assets are marked
    /// anonymous (they hold no data and must load before the page can ask for a key); the data
    /// endpoints always pass through <see cref="Access.IDashboardAccess"/>.
    /// </summary>
    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var dashboard = endpoints.MapGroup("/dashboard");
        dashboard.MapDashboardPages(endpoints.ServiceProvider.GetRequiredService<DashboardAssets>());
        dashboard.MapDashboardApi();
        return dashboard;
    }
}
