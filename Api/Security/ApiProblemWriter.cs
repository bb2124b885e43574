namespace Api.Security;

/// <summary>Writes an application/problem+json answer outside an endpoint (authentication, middleware).</summary>
internal static class ApiProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
