using System.Net.Http.Json;
using Dashboard.Access;

namespace Dashboard.Cluster;

/// <summary>Fetches another silo's own report from its dashboard, presenting the caller's key.</summary>
internal sealed class PeerClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(2) });

    /// <summary>The peer's report, or null when it did not answer in time or refused.</summary>
    public async Task<SiloReport?> GetSelfAsync(string address, string? key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(address.TrimEnd('/') + "/"), "dashboard/api/self"));
        if (key is not null)
        {
            request.Headers.Add(ApiKeyDashboardAccess.KeyHeader, key);
        }

        try
        {
            using var response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync(DashboardJsonContext.Default.SiloReport, deadline.Token).ConfigureAwait(false)
                : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException
                                          && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
