using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Diagnostics;
using Runtime.Grains;
using Runtime.Kafka;
using Runtime.Log;
using Runtime.Processing;
using Runtime.Remoting;
using Runtime.Snapshots;
using Runtime.Storage;

namespace Runtime.Hosting;

/// <summary>
/// The silo's lifecycle: once the web server listens, it prepares storage and topics, joins the
/// consumer group and keeps the heartbeat, directory and lag current; on shutdown it leaves the
/// group, which checkpoints and releases every partition.
/// </summary>
public sealed partial class SiloRuntime(
    IHostApplicationLifetime lifetime,
    IServer server,
    ICheckpointStore store,
    IPartitionedLog log,
    GrainCatalog catalog,
    IOptions<ClusterOptions> cluster,
    IOptions<RuntimeOptions> options,
    IOptions<KafkaOptions> kafka,
    RuntimeInstruments instruments,
    SnapshotCache snapshots,
    TimeProvider time,
    IServiceProvider services,
    ILogger<SiloRuntime> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private Task _startup = Task.CompletedTask;
    private Task _background = Task.CompletedTask;
    private ConsumerLoop? _consumerLoop;
    private long _lastHeartbeatTicks;

    internal PartitionManager Manager { get; } = new();

    public string Cluster => cluster.Value.Name;

    /// <summary>"embedded" (in-process log, SQLite) or "cluster" (Kafka, PostgreSQL).</summary>
    public string Mode => kafka.Value.IsEnabled ? "cluster" : "embedded";

    public TopicNames Topics => TopicNames.For(cluster.Value.Name);

    public SiloIdentity? Identity { get; private set; }

    public Uri? AddressUri { get; private set; }

    public int PartitionCount { get; private set; }

    public PartitionDirectory? Directory { get; private set; }

    public DateTimeOffset StartedAt => _startedAt;

    /// <summary>The producer of the cluster's log, for publishing to its topics.</summary>
    public ILogProducer Producer => log.Producer;

    /// <summary>Why the silo is not ready, or null when it is.</summary>
    public string? NotReadyReason =>
        Identity is null ? "starting"
        : _consumerLoop?.Failure is { } failure ? "consumer stopped: " + failure.Message
        : !Manager.AssignmentReceived ? "waiting for a partition assignment"
        : time.GetElapsedTime(Interlocked.Read(ref _lastHeartbeatTicks)) > options.Value.HeartbeatInterval * 3 ? "storage unreachable"
        : !snapshots.IsCaughtUp ? "reading published snapshots"
        : null;

    public IReadOnlyList<PartitionStatistics> Partitions() => Manager.Processors.Select(p => p.Statistics()).OrderBy(p => p.Partition).ToList();

    public Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(CancellationToken cancellationToken) => store.ReadSilosAsync(Cluster, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Validate();
        instruments.ObservePartitions(Partitions);

        // The address other silos call is only known once the server listens.
        lifetime.ApplicationStarted.Register(() => _startup = Task.Run(StartClusterAsync));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _startup.ConfigureAwait(false);
        if (_consumerLoop is not null)
        {
            await Task.Run(_consumerLoop.Stop, CancellationToken.None).ConfigureAwait(false);
        }

        await Manager.StopAllAsync().ConfigureAwait(false);
        await _background.ConfigureAwait(false);
        if (Identity is not null)
        {
            await TryHeartbeatAsync("stopped", CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _consumerLoop?.Dispose();
        _stopping.Dispose();
    }

    private async Task StartClusterAsync()
    {
        try
        {
            var address = ResolveAddress();
            AddressUri = new Uri(address);
            var topics = Topics;
            var partitions = kafka.Value.IsEnabled ? kafka.Value.Partitions : 8;
            await store.InitializeAsync(_stopping.Token).ConfigureAwait(false);
            var counts = await log.EnsureTopicsAsync(
                [new TopicSpec(topics.Events, partitions), new TopicSpec(topics.Internal, partitions), new TopicSpec(topics.DeadLetters, partitions), new TopicSpec(topics.Snapshots, 1, Compacted: true)],
                _stopping.Token).ConfigureAwait(false);
            if (counts[topics.Events] != counts[topics.Internal])
            {
                throw new InvalidOperationException(
                    $"Topic {topics.Events} has {counts[topics.Events]} partitions but {topics.Internal} has {counts[topics.Internal]}: they must be equal, because partition N of both belongs to the same silo.");
            }

            PartitionCount = counts[topics.Events];
            await Task.Run(() => snapshots.Start(log, topics.Snapshots), _stopping.Token).ConfigureAwait(false);
            Directory = new PartitionDirectory(store, Cluster);
            Identity = new SiloIdentity($"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(64, Environment.MachineName.Length + 13)], address);
            await TryHeartbeatAsync("active", _stopping.Token).ConfigureAwait(false);
            var partitionServices = new PartitionServices(
                Cluster, topics, PartitionCount, counts[topics.DeadLetters], store, log, log.Producer, catalog.Registry, catalog.EventStreamFactory?.Invoke(services), catalog.Messages,
                options.Value, time, services, instruments, logger);
            Manager.Start(partitionServices, Identity);
            _consumerLoop = new ConsumerLoop(log.CreateConsumer($"{Cluster}.silos", Manager), Manager, partitionServices);
            _consumerLoop.Start();
            _background = RunBackgroundAsync(_stopping.Token);
            SiloLog.Started(logger, Identity.SiloId, address, Cluster, Mode, PartitionCount);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A silo that cannot join its cluster must stop, not limp on: log why and stop the host.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SiloLog.StartFailed(logger, exception);
            lifetime.StopApplication();
        }
    }

    private string ResolveAddress()
    {
        if (!string.IsNullOrEmpty(options.Value.AdvertisedAddress))
        {
            return options.Value.AdvertisedAddress.TrimEnd('/');
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";

        // A wildcard bind is not callable; other silos on this host reach it on loopback, remote ones need AdvertisedAddress.
        return listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://" + Environment.MachineName.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("://[::]", "://" + Environment.MachineName.ToLowerInvariant(), StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
