using System.Net.Http.Json;
using Grains.Interfaces;
using Grains.Interfaces.Cluster;
using Runtime.Abstractions;

namespace Grains.Client;

/// <summary>
/// The client's copy of the partition directory, read from <c>GET /v1/cluster</c> of a seed or of any silo
/// it has learned, and re-read when it is older than the refresh interval or a call found an owner moved.
/// </summary>
internal sealed class ClientDirectory(HttpClient http, ClusterClientOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ClusterStatus? _status;
    private long _readAt;
    private int _next;

    public async Task<ClusterStatus> CurrentAsync(bool refresh, CancellationToken cancellationToken)
    {
        var seen = _status;
        if (seen is not null && !refresh && time.GetElapsedTime(_readAt) < options.DirectoryRefreshInterval)
        {
            return seen;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_status is not null && !ReferenceEquals(_status, seen))
            {
                return _status;
            }

            _status = await ReadAsync(cancellationToken).ConfigureAwait(false);
            _readAt = time.GetTimestamp();
            return _status;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The silo that owns <paramref name="key"/>'s partition, else any known silo.</summary>
    public Uri Route(ClusterStatus status, string? key)
    {
        if (key is not null && status.PartitionCount > 0)
        {
            var partition = GrainPartitioner.PartitionOf(key, status.PartitionCount);
            if (status.Partitions.Find(p => p.Partition == partition)?.OwnerAddress is { } owner && Uri.TryCreate(owner, UriKind.Absolute, out var address))
            {
                return address;
            }
        }

        var candidates = Candidates(status);
        return candidates[(int)((uint)Interlocked.Increment(ref _next) % candidates.Count)];
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ClusterStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var silo in Candidates(_status))
        {
            try
            {
                using var response = await http.GetAsync(new Uri(silo, "/v1/cluster?stats=false"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var status = await response.Content.ReadFromJsonAsync(GrainsJsonContext.Default.ClusterStatus, cancellationToken).ConfigureAwait(false);
                    if (status is { PartitionCount: > 0 })
                    {
                        return status;
                    }
                }

                await ClusterResponses.ThrowIfRejectedAsync(response, cancellationToken).ConfigureAwait(false);
                failures.Add($"{silo}: not ready");
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{silo}: {exception.Message}");
            }
            catch (GrainUnavailableException exception)
            {
                failures.Add($"{silo}: {exception.Message}");
            }
            catch (ClusterApiException exception) when (exception.StatusCode == 403)
            {
                // A service key may not read the cluster: its calls go to the seeds, which forward to the owners.
                return new ClusterStatus();
            }
        }

        throw new GrainUnavailableException("No silo answered GET /v1/cluster: " + string.Join("; ", failures));
    }

    /// <summary>The seeds first, then every silo the last directory named.</summary>
    private List<Uri> Candidates(ClusterStatus? status) =>
    [
        .. options.Seeds
            .Concat((status?.Silos ?? []).Where(silo => silo.Status == "active").Select(silo => Uri.TryCreate(silo.Address, UriKind.Absolute, out var address) ? address : null).OfType<Uri>())
            .Distinct(),
    ];
}
