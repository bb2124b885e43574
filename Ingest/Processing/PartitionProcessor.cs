using System.Threading.Channels;
using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Grains;

namespace Ingest.Processing;

/// <summary>
/// Runs the ingest commit protocol (docs/ORLEANS-PORT.md) for one partition: batches records, makes
/// one grain call per key per batch, and only when every call has returned commits the next offset
/// with the batch's outgoing messages under the partition's epoch; then delivers the outbox.
/// </summary>
public sealed partial class PartitionProcessor<TGrain, TEvent> : IPartitionProcessor
    where TGrain : IPartitionEventGrain<TEvent>
{
    private readonly ChannelReader<SourceRecord> _source;
    private readonly ProcessorContext<TEvent> _context;
    private readonly CancellationTokenSource _stopReading = new();
    private readonly CancellationTokenSource _stopDelivery = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PartitionLease? _lease;
    private OutboxDeliverer? _deliverer;
    private Task _delivery = Task.CompletedTask;
    private long _nextOffset;

    public PartitionProcessor(PartitionId partition, ChannelReader<SourceRecord> source, ProcessorContext<TEvent> context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        Partition = partition;
        _source = source;
        _context = context;
    }

    public PartitionId Partition { get; }

    public Task Completion => _completion.Task;

    /// <summary>The next offset to read: one past the last committed record.</summary>
    public long NextOffset => Interlocked.Read(ref _nextOffset);

    public async Task<PartitionLease> StartAsync(string owner, CancellationToken cancellationToken)
    {
        if (_lease is not null)
        {
            throw new InvalidOperationException($"The processor of {Partition} has already started.");
        }

        var lease = await _context.Store.AcquireAsync(Partition, owner, cancellationToken);
        var undelivered = await _context.Store.ReadOutboxAsync(Partition, cancellationToken);
        _lease = lease;
        _nextOffset = lease.NextOffset;
        _deliverer = new OutboxDeliverer(lease, _context.Targets, _context.Store, _context.Serializer,
            _context.Options, _context.Metrics, _context.Logger, _context.TimeProvider);

        // Rows a previous owner committed but did not deliver go first; their targets drop repeats.
        _deliverer.Enqueue(undelivered);
        _delivery = Task.Run(() => _deliverer.RunAsync(_stopDelivery.Token), CancellationToken.None);
        IngestLog.Acquired(_context.Logger, Partition.ToString(), lease.Epoch, owner, lease.NextOffset, undelivered.Count);
        _ = Task.Run(RunAsync, CancellationToken.None);
        return lease;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopReading.CancelAsync();
        await using var abort = cancellationToken.Register(() => _abort.Cancel());
        try
        {
            await Completion;
        }
        catch (Exception) when (Completion.IsFaulted || Completion.IsCanceled)
        {
            // The failure was logged and is visible on Completion; stopping has succeeded either way.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        await StopAsync(CancellationToken.None);
        _stopReading.Dispose();
        _stopDelivery.Dispose();
        _abort.Dispose();
        _deliverer?.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (await WaitForRecordsAsync())
            {
                await ProcessBatchAsync(TakeBatch(), _abort.Token);
                if (_delivery.IsFaulted)
                {
                    await _delivery;
                }
            }

            await FinishDeliveryAsync();
            IngestLog.Stopped(_context.Logger, Partition.ToString(), NextOffset);
            _completion.TrySetResult();
        }
        catch (PartitionFencedException exception)
        {
            _context.Metrics.Fenced.Add(1);
            IngestLog.Fenced(_context.Logger, Partition.ToString(), exception.Epoch);
            _completion.TrySetException(exception);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            IngestLog.Stopped(_context.Logger, Partition.ToString(), NextOffset);
            _completion.TrySetResult();
        }
        catch (Exception exception)
        {
            IngestLog.ProcessorFailed(_context.Logger, Partition.ToString(), exception);
            _completion.TrySetException(exception);
        }
        finally
        {
            await _stopDelivery.CancelAsync();
        }
    }

    /// <summary>True when a batch should start: records are buffered and no stop was asked for.</summary>
    private async Task<bool> WaitForRecordsAsync()
    {
        if (_stopReading.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            return await _source.WaitToReadAsync(_stopReading.Token);
        }
        catch (OperationCanceledException) when (_stopReading.IsCancellationRequested)
        {
            return false;
        }
    }

    private List<SourceRecord> TakeBatch()
    {
        var batch = new List<SourceRecord>(Math.Min(_context.Options.MaxBatchSize, 1024));
        while (batch.Count < _context.Options.MaxBatchSize && _source.TryRead(out var record))
        {
            batch.Add(record);
        }

        return batch;
    }

    /// <summary>Stops the delivery loop, then makes one last pass so a clean hand-over leaves little behind.</summary>
    private async Task FinishDeliveryAsync()
    {
        await _stopDelivery.CancelAsync();
        await _delivery;
        if (_deliverer is not null)
        {
            await _deliverer.PassAsync(_abort.Token);
        }
    }
}
