using Api.Security;
using Microsoft.Extensions.Options;
using Runtime.Abstractions;

namespace Api.Gateway;

/// <summary>
/// Forwards a request unchanged (method, path, query, headers, body) to the silo that owns its key, or to
/// any live silo, and copies the answer back. While ownership moves, a refused connection or a 503 makes
/// it refresh the directory and retry with backoff for up to <see cref="GatewayOptions.RetryTimeout"/>.
/// </summary>
internal sealed partial class GatewayForwarder(
    GatewayDirectory directory, IHttpClientFactory clients, IOptions<GatewayOptions> options, TimeProvider time, ILogger<GatewayForwarder> logger)
{
    public const string ClientName = "gateway-forward";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length",
    };

    public async Task ForwardAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = context.RequestAborted;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
        var body = buffer.ToArray();
        var key = GatewayRouting.KeyOf(context.Request.Path, body);
        var retry = new GrainUnavailableRetry(options.Value.RetryTimeout, time);
        var client = clients.CreateClient(ClientName);
        while (true)
        {
            var canRetry = retry.CanRetry;
            var target = (key is null ? null : directory.OwnerOf(key)) ?? directory.AnySilo();
            if (target is not null)
            {
                using var request = Copy(context, target, body);
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
                    if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || !canRetry)
                    {
                        await CopyBackAsync(response, context.Response, cancellation).ConfigureAwait(false);
                        return;
                    }
                }
                catch (HttpRequestException exception) when (canRetry)
                {
                    Unreachable(logger, target, exception.Message);
                }
                catch (HttpRequestException)
                {
                    break;
                }
            }
            else if (!canRetry)
            {
                break;
            }

            directory.RequestRefresh();
            await retry.WaitAsync(cancellation).ConfigureAwait(false);
        }

        await ApiProblemWriter.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Unavailable", "No silo could take this request in time; retry shortly.").ConfigureAwait(false);
    }

    private static HttpRequestMessage Copy(HttpContext context, Uri silo, byte[] body)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(silo, incoming.Path.ToUriComponent() + incoming.QueryString.ToUriComponent()));
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        return request;
    }

    private static async Task CopyBackAsync(HttpResponseMessage response, HttpResponse outgoing, CancellationToken cancellationToken)
    {
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                outgoing.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(outgoing.Body, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Silo {Silo} unreachable ({Reason}); refreshing the directory and retrying")]
    private static partial void Unreachable(ILogger logger, Uri silo, string reason);
}
