using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Runtime.Abstractions.Remoting;

/// <summary>Sends one grain call to one silo over HTTP and maps the answer to a result or an exception.</summary>
public sealed class HttpGrainTransport(HttpClient httpClient, GrainCallCodec codec)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    /// <summary>
    /// Calls the silo at <paramref name="siloAddress"/>. Throws <see cref="GrainUnavailableException"/>
    /// when the silo does not own the grain or cannot be reached (safe to retry elsewhere), and
    /// <see cref="GrainCallException"/> when the grain ran the call and it failed.
    /// </summary>
    public async Task<object?> SendAsync(Uri siloAddress, GrainId grainId, GrainMethod method, object?[] arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(siloAddress, GrainCallRoutes.PathFor(grainId, method.Name)));
        request.Content = new ByteArrayContent(codec.EncodeArguments(method, arguments));
        request.Content.Headers.ContentType = JsonContentType;
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new GrainUnavailableException($"Silo {siloAddress} is unreachable for {grainId}: {exception.Message}", exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return codec.DecodeResult(method, body);
            }

            var problem = TryReadProblem(body);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable || problem?.Type == GrainCallRoutes.NotOwnerProblemType)
            {
                throw new GrainUnavailableException(problem?.Detail ?? $"Silo {siloAddress} answered {(int)response.StatusCode} for {grainId}.");
            }

            throw new GrainCallException(problem?.Detail ?? problem?.Title ?? $"{grainId}.{method.Name} failed with HTTP {(int)response.StatusCode}.")
            {
                RemoteType = problem?.ExceptionType,
            };
        }
    }

    private static GrainCallProblem? TryReadProblem(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, RemotingJsonContext.Default.GrainCallProblem);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
