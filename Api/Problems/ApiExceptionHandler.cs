using Microsoft.AspNetCore.Diagnostics;
using Runtime.Abstractions;

namespace Api.Problems;

/// <summary>
/// The last line: every exception an endpoint lets through becomes problem+json without its message
/// or stack trace (they stay in the log). Unavailable grains answer 503, so callers know to retry.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read."),
            GrainUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Unavailable", "The data's owner is moving between silos; retry shortly."),
            Runtime.Log.LogProduceException => (StatusCodes.Status503ServiceUnavailable, "Unavailable", "The event log did not acknowledge the write; retry (event ids make a resend safe)."),
            TimeoutException => (StatusCodes.Status504GatewayTimeout, "Timeout", "The request did not complete in time; retry."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", "The client went away."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The server failed to answer this request; it has been logged."),
        };
        if (status >= 500)
        {
            Failed(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.Clear();
        await TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string method, string path);
}
