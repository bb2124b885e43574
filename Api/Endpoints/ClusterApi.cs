using System.Net.Http.Json;
using Api.Security;
using Grains.Interfaces;
using Grains.Interfaces.Cluster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Runtime.Diagnostics;
using Runtime.Hosting;
using Runtime.Remoting;

namespace Api.Endpoints;

/// <summary>
/// <c>GET /v1/cluster</c>: silos, partition owners, and each partition's lag and activations. The
/// answering silo asks every other live silo for its own partitions (<c>GET /v1/cluster/local</c>).
/// </summary>
public static class ClusterApi
{
    /// <summary>The named HttpClient the silo asks its peers with.</summary>
    public const string PeerClientName = "cluster-peers";

    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/cluster").WithTags("Cluster").RequireAuthorization(ApiPolicies.Admin);
        group.MapGet("", GetAsync).WithName("GetCluster").WithSummary("Silos, partition owners, per-partition lag and activations per grain type (stats=false: owners only)");
        group.MapGet("/local", Local).WithName("GetClusterLocal").WithSummary("This silo's own partitions only");
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    internal static Ok<ClusterStatus> Local(SiloRuntime runtime) =>
        TypedResults.Ok(Status(runtime, [], [.. runtime.Partitions().Select(p => FromStatistics(p, runtime))]));

    internal static async Task<Ok<ClusterStatus>> GetAsync(
        HttpContext context, SiloRuntime runtime, IHttpClientFactory clients, IOptions<RuntimeOptions> options, TimeProvider time, bool? stats)
    {
        var cancellation = context.RequestAborted;
        var silos = runtime.Identity is null ? [] : await runtime.ReadSilosAsync(cancellation).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var live = silos.Where(silo => silo.IsLive(now, options.Value.HeartbeatInterval)).ToList();
        var statistics = runtime.Partitions().Select(p => FromStatistics(p, runtime)).ToDictionary(p => p.Partition);
        // Clients that only route (stats=false) need the owners, not the peers' statistics.
        var peers = live.Where(silo => stats != false && silo.SiloId != runtime.Identity?.SiloId)
            .Select(silo => PeerPartitionsAsync(clients, new Uri(silo.Address), context.Request, cancellation));
        foreach (var partition in (await Task.WhenAll(peers).ConfigureAwait(false)).SelectMany(list => list))
        {
            statistics.TryAdd(partition.Partition, partition);
        }

        var directory = runtime.Directory?.Entries ?? new Dictionary<int, Runtime.Storage.PartitionOwnership>();
        var partitions = Enumerable.Range(0, runtime.PartitionCount).Select(number =>
        {
            var owner = directory.GetValueOrDefault(number);
            var known = statistics.GetValueOrDefault(number);
            return (known is not null && known.OwnerSiloId == owner?.OwnerSiloId ? known : new ClusterPartition { Partition = number }) with
            {
                Epoch = owner?.Epoch ?? 0,
                OwnerSiloId = owner?.OwnerSiloId,
                OwnerAddress = owner?.OwnerAddress,
            };
        }).ToList();
        var members = silos.Select(silo => new ClusterSilo
        {
            SiloId = silo.SiloId,
            Address = silo.Address,
            HostName = silo.HostName,
            Status = live.Contains(silo) ? silo.Status : silo.Status == "active" ? "unreachable" : silo.Status,
            StartedAt = silo.StartedAt,
            LastHeartbeat = silo.LastHeartbeat,
        }).ToList();
        return TypedResults.Ok(Status(runtime, members, partitions));
    }

    private static ClusterStatus Status(SiloRuntime runtime, List<ClusterSilo> silos, List<ClusterPartition> partitions) => new()
    {
        Cluster = runtime.Cluster,
        Mode = runtime.Mode,
        PartitionCount = runtime.PartitionCount,
        AnsweredBy = runtime.Identity?.SiloId,
        Silos = silos,
        Partitions = partitions,
    };

    private static ClusterPartition FromStatistics(PartitionStatistics statistics, SiloRuntime runtime) => new()
    {
        Partition = statistics.Partition,
        Epoch = statistics.Epoch,
        OwnerSiloId = runtime.Identity?.SiloId,
        OwnerAddress = runtime.Identity?.Address,
        Status = statistics.Status,
        Lag = statistics.Lag,
        CheckpointAgeSeconds = Math.Round(statistics.CheckpointAge.TotalSeconds, 3),
        ActivationsByType = statistics.ActivationsByType.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
    };

    /// <summary>A peer's own partitions; none when it does not answer in time (its partitions then show as unknown).</summary>
    private static async Task<IReadOnlyList<ClusterPartition>> PeerPartitionsAsync(IHttpClientFactory clients, Uri peer, HttpRequest incoming, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(peer, "/v1/cluster/local"));
        if (ApiKeyHeader.Read(incoming) is { } key)
        {
            request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        }

        try
        {
            using var response = await clients.CreateClient(PeerClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync(GrainsJsonContext.Default.ClusterStatus, cancellationToken).ConfigureAwait(false))?.Partitions ?? []
                : [];
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
