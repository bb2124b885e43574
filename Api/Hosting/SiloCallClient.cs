using Api.Security;

namespace Api.Hosting;

/// <summary>
/// The HttpClient silos call each other's <c>/_grains</c> with: the runtime's settings (a dead silo
/// fails fast so the caller retries against the new owner), plus the internal key when keys are configured.
/// </summary>
internal static class SiloCallClient
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public static HttpClient Create(string? internalKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (internalKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, internalKey);
        }

        return client;
    }
}
