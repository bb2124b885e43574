using System.Text;

namespace Silo.Hosting;

/// <summary>
/// Adds a link back to the project's page on the Orleans Dashboard's page. That dashboard has no
/// extension point for its page, so its HTML is amended on the way out: one element before
/// <c>&lt;/body&gt;</c>, outside the element its script renders into.
/// </summary>
internal static class OrleansDashboardLink
{
    public const string ElementId = "product-dashboard-link";

    private const string Link =
        $"<a id=\"{ElementId}\" href=\"/dashboard/\" style=\"position:fixed;right:16px;bottom:16px;z-index:10000;" +
        "padding:8px 12px;border-radius:6px;background:#1f6feb;color:#fff !important;font:14px sans-serif;text-decoration:none\">" +
        "Experiments and partitions: product dashboard</a>";

    public static IApplicationBuilder UseOrleansDashboardLink(this IApplicationBuilder app, string dashboardPath)
    {
        return app.UseWhen(context => IsPage(context.Request, dashboardPath), page => page.Use(async (context, next) =>
        {
            // The dashboard serves its page gzipped to browsers that accept it; the page is small, so
            // asking for it uncompressed is cheaper than decompressing it to add the link.
            context.Request.Headers.AcceptEncoding = "identity";
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            var body = buffer.ToArray();
            if (context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
            {
                body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("</body>", Link + "</body>", StringComparison.OrdinalIgnoreCase));
                context.Response.ContentLength = body.Length;
            }

            await original.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }));
    }

    private static bool IsPage(HttpRequest request, string dashboardPath) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path.Equals(dashboardPath + "/", StringComparison.Ordinal) || request.Path.Equals(dashboardPath + "/index.html", StringComparison.Ordinal));
}
