using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Runtime.Abstractions;

namespace Grains.Client;

/// <summary>Maps an API answer to the exception callers handle: retryable (503) or final (the rest of 4xx/5xx).</summary>
internal static class ClusterResponses
{
    public static async Task ThrowIfRejectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ApiProblem? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync(ClientJsonContext.Default.ApiProblem, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
        }

        var message = problem?.Detail ?? problem?.Title ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            throw new GrainUnavailableException(message);
        }

        throw new ClusterApiException(message) { StatusCode = (int)response.StatusCode, Errors = problem?.Errors ?? [] };
    }
}
