using Dashboard.Assets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Endpoints;

/// <summary>The page and its assets. They carry no data, so they are open: the page asks for the key itself.</summary>
internal static class DashboardPages
{
    public static RouteGroupBuilder MapDashboardPages(this RouteGroupBuilder dashboard, DashboardAssets assets)
    {
        // Relative links in the page ("assets/…", "api/…") need the trailing slash, which routing ignores: redirect to it.
        dashboard.MapGet("/", (HttpContext context) => context.Request.Path.Value?.EndsWith('/') == true
                ? assets.Serve(context, "index.html")
                : Results.Redirect(context.Request.PathBase + context.Request.Path + "/"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        dashboard.MapGet("/assets/{**path}", (HttpContext context, string path) => assets.Serve(context, path))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return dashboard;
    }
}
