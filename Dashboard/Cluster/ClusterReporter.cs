using Dashboard.History;
using Microsoft.Extensions.Options;
using Runtime.Hosting;
using Runtime.Storage;

namespace Dashboard.Cluster;

/// <summary>
/// Builds the cluster view. Membership and ownership come from storage, which every silo shares.
/// CPU, memory, rates and lag are known only inside each silo, so each live peer is asked for its
/// own report (<c>/dashboard/api/self</c>) in parallel, with a short timeout: a silo that does not
/// answer shows as unreachable rather than holding up the page.
/// </summary>
internal sealed class ClusterReporter(
    SiloRuntime runtime,
    DashboardHistory history,
    PeerClient peers,
    TimeProvider time,
    IOptions<RuntimeOptions> runtimeOptions,
    IOptions<DashboardOptions> options)
{
    /// <summary>Stopped silos stay listed this long after their last heartbeat, so a crash or a restart is visible.</summary>
    private static readonly TimeSpan StoppedVisibility = TimeSpan.FromMinutes(10);

    public SiloReport Self()
    {
        var identity = runtime.Identity;
        var latest = history.Latest;
        var now = time.GetUtcNow();
        return new SiloReport
        {
            SiloId = identity?.SiloId ?? "",
            Address = identity?.Address ?? runtime.AddressUri?.ToString() ?? "",
            HostName = Environment.MachineName,
            Status = identity is null ? "starting" : "active",
            Ready = runtime.NotReadyReason is null,
            NotReadyReason = runtime.NotReadyReason,
            Mode = runtime.Mode,
            StartedAt = runtime.StartedAt,
            UptimeSeconds = (now - runtime.StartedAt).TotalSeconds,
            Reachable = true,
            IsSelf = true,
            CpuPercent = latest?.CpuPercent,
            WorkingSetBytes = latest?.WorkingSetBytes,
            HeapBytes = latest?.HeapBytes,
            EventsPerSecond = latest?.EventsPerSecond,
            DecisionsPerSecond = latest?.DecisionsPerSecond,
            CallP99Ms = latest?.CallP99Ms,
            Partitions = [.. runtime.Partitions().Select(p => new PartitionReport
            {
                Partition = p.Partition,
                Epoch = p.Epoch,
                OwnerSiloId = identity?.SiloId,
                OwnerAddress = identity?.Address,
                Status = p.Status,
                Lag = p.Lag,
                CheckpointAgeSeconds = p.CheckpointAge.TotalSeconds,
                Activations = p.ActivationsByType.Values.Sum(),
            })],
        };
    }

    public async Task<ClusterReport> BuildAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        var self = Self();
        var now = time.GetUtcNow();
        var (records, warning) = await ReadMembershipAsync(cancellationToken).ConfigureAwait(false);
        var visible = records
            .Where(r => r.SiloId != self.SiloId && (r.Status == "active" || now - r.LastHeartbeat < StoppedVisibility))
            .ToList();
        var fetched = await Task.WhenAll(visible.Select(async record =>
        {
            var live = record.IsLive(now, runtimeOptions.Value.HeartbeatInterval);
            var report = live ? await peers.GetSelfAsync(record.Address, presentedKey, options.Value.PeerTimeout, cancellationToken).ConfigureAwait(false) : null;
            return Merge(record, report, live, now);
        })).ConfigureAwait(false);

        var mine = records.FirstOrDefault(r => r.SiloId == self.SiloId);
        var silos = new List<SiloReport> { self with { LastHeartbeat = mine?.LastHeartbeat } };
        silos.AddRange(fetched.OrderBy(s => s.Address, StringComparer.Ordinal));
        return new ClusterReport
        {
            Cluster = runtime.Cluster,
            Mode = runtime.Mode,
            PartitionCount = runtime.PartitionCount,
            AsOf = now,
            ServedBy = self.SiloId,
            Warning = warning,
            Silos = silos,
            Partitions = Partitions(silos),
        };
    }

    /// <summary>The membership table; when storage cannot be read, this silo alone and why, so the page still shows what this silo knows.</summary>
    private async Task<(IReadOnlyList<SiloRecord> Records, string? Warning)> ReadMembershipAsync(CancellationToken cancellationToken)
    {
        if (runtime.Identity is null)
        {
            return ([], null);
        }

        try
        {
            return (await runtime.ReadSilosAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever storage throws, the view degrades to this silo instead of failing the page.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ([], "The membership table could not be read, so only this silo is shown: " + exception.Message);
        }
    }

    private static SiloReport Merge(SiloRecord record, SiloReport? report, bool live, DateTimeOffset now)
    {
        var status = record.Status == "active" && !live ? "unresponsive" : record.Status;
        var basis = report ?? new SiloReport { Mode = "", Ready = false, NotReadyReason = live ? "no answer from its dashboard" : null };
        return basis with
        {
            SiloId = record.SiloId,
            Address = record.Address,
            HostName = record.HostName,
            Status = status,
            StartedAt = record.StartedAt,
            LastHeartbeat = record.LastHeartbeat,
            UptimeSeconds = status == "active" ? (now - record.StartedAt).TotalSeconds : (record.LastHeartbeat - record.StartedAt).TotalSeconds,
            Reachable = report is not null,
            IsSelf = false,
        };
    }

    private List<PartitionReport> Partitions(List<SiloReport> silos)
    {
        var reported = silos.SelectMany(s => s.Partitions).GroupBy(p => p.Partition).ToDictionary(g => g.Key, g => g.First());
        var directory = runtime.Directory?.Entries ?? new Dictionary<int, PartitionOwnership>();
        var result = new List<PartitionReport>(runtime.PartitionCount);
        for (var partition = 0; partition < runtime.PartitionCount; partition++)
        {
            directory.TryGetValue(partition, out var owner);
            reported.TryGetValue(partition, out var report);

            // The directory names the owner even when the owner's own report is missing (unreachable, or between heartbeats).
            result.Add((report ?? new PartitionReport { Partition = partition }) with
            {
                Epoch = owner?.Epoch ?? report?.Epoch ?? 0,
                OwnerSiloId = owner?.OwnerSiloId ?? report?.OwnerSiloId,
                OwnerAddress = owner?.OwnerAddress ?? report?.OwnerAddress,
            });
        }

        return result;
    }
}
