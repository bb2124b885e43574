namespace Runtime.Remoting;

/// <summary>The HttpClient silos call each other's <c>/_grains</c> with.</summary>
public static class SiloHttpClient
{
    // A dead silo must fail fast so the caller can retry against the new owner.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A client with no overall timeout (calls carry their own) that sends <paramref name="apiKey"/>, when given, as <c>X-Api-Key</c>.</summary>
    public static HttpClient Create(string? apiKey = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader.Name, apiKey);
        }

        return client;
    }
}
