using System.Threading.Channels;
using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.InProcess;

/// <summary>
/// Embedded mode's source: the same partition processors as with Kafka, fed by <see cref="AppendAsync"/>.
/// Offsets continue from each partition's committed offset, so checkpoints in SQLite stay valid across
/// restarts; records are kept until committed, so a failed processor is restarted and replays them.
/// </summary>
internal sealed class InProcessIngestSource : BackgroundService, IIngestLog
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    private readonly IngestOptions _options;
    private readonly IPartitionProcessorFactory _factory;
    private readonly ICheckpointStore _store;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly InProcessPartition[] _partitions;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private int _roundRobin;

    public InProcessIngestSource(IOptions<IngestOptions> options, IPartitionProcessorFactory factory, ICheckpointStore store,
        IHostApplicationLifetime lifetime, TimeProvider timeProvider, ILogger<InProcessIngestSource> logger)
    {
        (_options, _factory, _store, _lifetime, _timeProvider, _logger) = (options.Value, factory, store, lifetime, timeProvider, logger);
        _partitions = [.. Enumerable.Range(0, _options.InProcessPartitions).Select(p => new InProcessPartition(p))];
    }

    public async ValueTask AppendAsync(byte[]? key, byte[] value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        await _started.Task.WaitAsync(cancellationToken);
        var partition = _partitions[key is null ? (int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)_partitions.Length) : PartitionOf(key)];
        lock (partition.Lock)
        {
            var record = new SourceRecord(partition.NextOffset++, key, value);
            partition.Retained.Add(record);
            partition.Writer?.TryWrite(record);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _lifetime.ApplicationStarted).WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (_lifetime.ApplicationStarted.IsCancellationRequested)
        {
            // Started: grain calls can go out.
        }

        await _store.EnsureSchemaAsync(stoppingToken);
        await Task.WhenAll(_partitions.Select(StartAsync));
        _started.TrySetResult();
        using var timer = new PeriodicTimer(SweepInterval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the processors stop below.
        }
        finally
        {
            await Task.WhenAll(_partitions.Select(StopAsync));
        }
    }

    /// <summary>Forgets committed records and restarts processors that failed other than by losing the partition.</summary>
    private async Task SweepAsync()
    {
        foreach (var partition in _partitions)
        {
            if (partition.Processor is { } processor)
            {
                lock (partition.Lock)
                {
                    partition.Retained.RemoveAll(record => record.Offset < processor.NextOffset);
                }
            }

            var failed = partition.Processor is null
                || (partition.Processor.Completion.IsFaulted && partition.Processor.Completion.Exception?.InnerException is not PartitionFencedException);
            if (failed && partition.RetryAt <= _timeProvider.GetUtcNow())
            {
                await StopAsync(partition);
                await StartAsync(partition);
            }
        }
    }

    private async Task StartAsync(InProcessPartition partition)
    {
        var channel = Channel.CreateUnbounded<SourceRecord>(new UnboundedChannelOptions { SingleReader = true });
        var processor = _factory.Create(new PartitionId(_options.ClusterName, _options.Topic, partition.Partition), channel.Reader);
        try
        {
            var lease = await processor.StartAsync(_owner, CancellationToken.None);
            lock (partition.Lock)
            {
                partition.NextOffset = Math.Max(partition.NextOffset, lease.NextOffset);
                foreach (var record in partition.Retained.Where(record => record.Offset >= lease.NextOffset))
                {
                    channel.Writer.TryWrite(record);
                }

                (partition.Processor, partition.Writer) = (processor, channel.Writer);
            }
        }
        catch (Exception exception)
        {
            IngestLog.ProcessorFailed(_logger, $"{_options.Topic}[{partition.Partition}]", exception);
            partition.RetryAt = _timeProvider.GetUtcNow() + RestartDelay;
            await processor.DisposeAsync();
        }
    }

    private async Task StopAsync(InProcessPartition partition)
    {
        IPartitionProcessor? processor;
        lock (partition.Lock)
        {
            (processor, partition.Processor, partition.Writer) = (partition.Processor, null, null);
        }

        if (processor is not null)
        {
            using var timeout = new CancellationTokenSource(_options.StopTimeout);
            await processor.StopAsync(timeout.Token);
            await processor.DisposeAsync();
        }
    }

    /// <summary>FNV-1a of the key: stable across processes, so a key keeps its partition after a restart.</summary>
    private int PartitionOf(byte[] key)
    {
        var hash = 2166136261u;
        foreach (var b in key)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)_partitions.Length);
    }
}
