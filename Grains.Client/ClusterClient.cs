using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grains.Interfaces;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Recommendations;
using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;

namespace Grains.Client;

/// <summary>
/// A connection to the cluster from another .NET process. <see cref="GetGrain{TGrainInterface}"/> returns typed
/// grain references whose calls go straight to the silo owning the grain (learned from a seed's
/// <c>GET /v1/cluster</c>), and follow the grain when its partition moves. Thread-safe; create one per process.
/// </summary>
public sealed class ClusterClient : IGrainFactory, IDisposable
{
    private readonly HttpClient _http;
    private readonly ClientDirectory _directory;
    private readonly TimeSpan _retryTimeout;
    private readonly TimeProvider _time;
    private readonly ClientGrainCallInvoker _invoker;

    /// <param name="options">Validated here; invalid options throw <see cref="ArgumentException"/> listing every problem.</param>
    /// <param name="handler">The HTTP handler to use (tests, proxies); a pooled <see cref="SocketsHttpHandler"/> by default.</param>
    /// <param name="time">The clock of retries and directory age; the system clock by default.</param>
    public ClusterClient(ClusterClientOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid ClusterClientOptions: " + string.Join(" ", failures), nameof(options));
        }

        time ??= TimeProvider.System;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.RequestTimeout,
        };
        if (options.ApiKey is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
        }

        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine([RemotingJsonContext.Default, .. options.Contracts]) };
        _directory = new ClientDirectory(_http, options, time);
        _retryTimeout = options.RetryTimeout;
        _time = time;
        _invoker = new ClientGrainCallInvoker(_directory, new HttpGrainTransport(_http, new GrainCallCodec(json)), options.RetryTimeout, options.RequestTimeout, time);
    }

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => GrainProxy.Create<TGrainInterface>(_invoker, key);

    /// <summary><c>POST /v1/decide</c>, sent to the silo owning the user.</summary>
    public Task<DecisionResponse> DecideAsync(DecisionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync("/v1/decide", request.UserId, request, GrainsJsonContext.Default.DecisionRequest, GrainsJsonContext.Default.DecisionResponse, cancellationToken);
    }

    /// <summary><c>POST /v1/recommend</c>, sent to the silo owning the user.</summary>
    public Task<RecommendResponse> RecommendAsync(RecommendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PostAsync("/v1/recommend", request.UserId, request, GrainsJsonContext.Default.RecommendRequest, GrainsJsonContext.Default.RecommendResponse, cancellationToken);
    }

    /// <summary><c>POST /v1/events</c>: 1 to 1,000 events, all written or none; returns how many were accepted.</summary>
    public async Task<int> SendEventsAsync(IEnumerable<InteractionEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var accepted = await PostAsync("/v1/events", null, events.ToArray(), GrainsJsonContext.Default.InteractionEventArray, GrainsJsonContext.Default.EventsAccepted, cancellationToken).ConfigureAwait(false);
        return accepted.Accepted;
    }

    /// <summary>Re-reads the directory now rather than at the next interval or moved owner.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken = default) => _directory.CurrentAsync(refresh: true, cancellationToken);

    public void Dispose()
    {
        _directory.Dispose();
        _http.Dispose();
    }

    private Task<TResponse> PostAsync<TRequest, TResponse>(
        string path, string? routeKey, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        GrainUnavailableRetry.RunAsync(
            _retryTimeout,
            _time,
            async refresh =>
            {
                var status = await _directory.CurrentAsync(refresh, cancellationToken).ConfigureAwait(false);
                var silo = _directory.Route(status, routeKey);
                HttpResponseMessage response;
                try
                {
                    response = await _http.PostAsync(new Uri(silo, path), JsonContent.Create(body, requestType), cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException exception)
                {
                    throw new GrainUnavailableException($"Silo {silo} is unreachable: {exception.Message}", exception);
                }

                using (response)
                {
                    await ClusterResponses.ThrowIfRejectedAsync(response, cancellationToken).ConfigureAwait(false);
                    return (await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false))!;
                }
            },
            beforeEachWait: null,
            cancellationToken);
}
