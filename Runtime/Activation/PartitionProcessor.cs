using System.Threading.Channels;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Grains;
using Runtime.Log;
using Runtime.Processing;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>
/// Owns one partition on this silo: applies its records to grains in order, one batch at a time,
/// and checkpoints grain state with the consumed positions in one fenced transaction.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The token source is disposed at the end of StopAsync, the processor's last act.")]
internal sealed partial class PartitionProcessor : IDurabilityTracker
{
    private readonly PartitionServices _services;
    private readonly Channel<LogRecord> _inbox;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, long> _positions;
    private readonly Dictionary<string, long> _dedupe;
    private Task _loop = Task.CompletedTask;
    private volatile PartitionStatus _status = PartitionStatus.Running;

    public PartitionProcessor(PartitionServices services, PartitionLease lease)
    {
        _services = services;
        Partition = lease.Partition;
        Epoch = lease.Epoch;
        _positions = new Dictionary<string, long>(lease.Positions, StringComparer.Ordinal);
        _dedupe = new Dictionary<string, long>(lease.DedupeMarks, StringComparer.Ordinal);
        _committedPositions = new Dictionary<string, long>(_positions, StringComparer.Ordinal);
        _committedDedupe = new Dictionary<string, long>(_dedupe, StringComparer.Ordinal);
        _lastCheckpointTicks = services.Time.GetTimestamp();
        _inbox = Channel.CreateBounded<LogRecord>(new BoundedChannelOptions(services.Options.PartitionQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int Partition { get; }

    public long Epoch { get; }

    public PartitionStatus Status => _status;

    /// <summary>Where each topic of this partition resumes after a crash: the last committed positions.</summary>
    public IReadOnlyDictionary<string, long> CommittedPositions => _committedPositions;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Hands a consumed record to the processor; blocks the consumer thread while the queue is full.</summary>
    public void Enqueue(LogRecord record)
    {
        while (!_inbox.Writer.TryWrite(record))
        {
            if (_status != PartitionStatus.Running)
            {
                return;
            }

            // Back-pressure: the consumer waits here, which slows fetching for every partition. Bounded
            // waits keep it responsive to a stop.
            _inbox.Writer.WaitToWriteAsync(_stopping.Token).AsTask().Wait(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<LogRecord>(_services.Options.MaxBatchSize);
        var reader = _inbox.Reader;
        var token = _stopping.Token;
        try
        {
            await LoadOutboxWithRetriesAsync(token).ConfigureAwait(false);
            while (!token.IsCancellationRequested && _status == PartitionStatus.Running)
            {
                if (await WaitForRecordsAsync(reader, token).ConfigureAwait(false))
                {
                    while (batch.Count < _services.Options.MaxBatchSize && reader.TryRead(out var record))
                    {
                        batch.Add(record);
                    }

                    await ApplyBatchAsync(batch).ConfigureAwait(false);
                    batch.Clear();
                }

                if (CheckpointDue())
                {
                    await CheckpointAsync(final: false).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping: the final checkpoint runs in StopAsync.
        }
    }

    private async ValueTask<bool> WaitForRecordsAsync(ChannelReader<LogRecord> reader, CancellationToken token)
    {
        if (reader.TryPeek(out _))
        {
            return true;
        }

        var untilCheckpoint = NextCheckpointDelay();
        if (untilCheckpoint <= TimeSpan.Zero)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(untilCheckpoint);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ApplyBatchAsync(List<LogRecord> batch)
    {
        var groups = new Dictionary<GrainId, List<PendingEvent>>();
        var order = new List<GrainId>();
        var binding = _services.EventStream;
        foreach (var record in batch)
        {
            _positions[record.Topic] = record.Offset + 1;
            var pending = Route(record, binding);
            if (pending is null)
            {
                continue;
            }

            if (!groups.TryGetValue(pending.Value.Grain, out var events))
            {
                groups[pending.Value.Grain] = events = [];
                order.Add(pending.Value.Grain);
            }

            events.Add(pending.Value);
        }

        if (order.Count == 0)
        {
            return;
        }

        var activations = new Dictionary<GrainId, GrainActivation>(order.Count);
        foreach (var type in order.Select(grain => grain.Type).Distinct(StringComparer.Ordinal))
        {
            var keys = order.Where(grain => grain.Type == type).Select(grain => grain.Key).ToList();
            foreach (var (key, activation) in await ActivateManyAsync(type, keys).ConfigureAwait(false))
            {
                activations[new GrainId(type, key)] = activation;
            }
        }

        var applied = 0;
        var messages = 0;
        foreach (var grain in order)
        {
            var count = await DeliverAsync(activations[grain], groups[grain]).ConfigureAwait(false);
            if (ReferenceEquals(groups[grain][0].Delivery, binding))
            {
                applied += count;
            }
            else
            {
                messages += count;
            }
        }

        _services.Instruments.EventsProcessed.Add(applied);
        _services.Instruments.MessagesApplied.Add(messages);
    }
}
