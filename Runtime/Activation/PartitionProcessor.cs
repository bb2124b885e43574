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
        _schedule = new CheckpointSchedule(services.Options, services.Time, services.Backlog, CheckpointSchedule.StaggerOf(Partition, services.PartitionCount));
        (_chunkSize, _inbox) = CreateInbox(services.Options.PartitionQueueCapacity);
    }

    public int Partition { get; }

    public long Epoch { get; }

    public PartitionStatus Status => _status;

    /// <summary>Where each topic of this partition resumes after a crash: the last committed positions.</summary>
    public IReadOnlyDictionary<string, long> CommittedPositions => _committedPositions;

    public void Start() => _loop = Task.Run(RunAsync);

    private async Task RunAsync()
    {
        var batch = new List<LogRecord>(_services.Options.MaxBatchSize);
        var reader = _inbox.Reader;
        var token = _stopping.Token;
        try
        {
            await LoadOutboxWithRetriesAsync(token).ConfigureAwait(false);
            await ReadReplayTargetAsync(token).ConfigureAwait(false);
            while (!token.IsCancellationRequested && _status == PartitionStatus.Running)
            {
                if (await WaitForRecordsAsync(reader, token).ConfigureAwait(false))
                {
                    while (batch.Count < _services.Options.MaxBatchSize && TryTake(reader, out var record))
                    {
                        batch.Add(record);
                    }

                    await ApplyBatchAsync(batch).ConfigureAwait(false);
                    batch.Clear();
                    CheckCaughtUp();
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

    private async ValueTask<bool> WaitForRecordsAsync(ChannelReader<ArraySegment<LogRecord>> reader, CancellationToken token)
    {
        if (_taking.Count > 0 || reader.TryPeek(out _))
        {
            _schedule.Busy();
            return true;
        }

        _schedule.Drained();
        var untilCheckpoint = NextCheckpointDelay();
        var commit = _commitInFlight;
        if (untilCheckpoint <= TimeSpan.Zero && commit.IsCompleted)
        {
            return false;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(token);
        var read = reader.WaitToReadAsync(wake.Token).AsTask();
        if (untilCheckpoint > TimeSpan.Zero)
        {
            wake.CancelAfter(_schedule.Recheck(untilCheckpoint, HasUncommitted));
        }
        else if (await Task.WhenAny(read, commit).ConfigureAwait(false) != read)
        {
            // A checkpoint fell due while the previous commit ran: take it now that the commit is done.
            await wake.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ApplyBatchAsync(List<LogRecord> batch)
    {
        var binding = _services.EventStream;
        try
        {
            GroupByGrain(batch, binding);
            if (_grains.Count == 0)
            {
                return;
            }

            await ActivateGroupedAsync().ConfigureAwait(false);
            var events = 0;
            var messages = 0;
            var turnStarted = _services.Time.GetTimestamp();
            for (var grain = 0; grain < _grains.Count; grain++)
            {
                var (applied, delivered) = await DeliverAsync(_activated[grain]!, _grainStarts[grain], _grainStarts[grain + 1], binding, turnStarted).ConfigureAwait(false);
                events += applied;
                messages += delivered;

                // Turns run back to back: one turn's end is the next one's start, which halves the clock reads.
                var turnEnded = _services.Time.GetTimestamp();
                _services.Instruments.TurnDuration.Record(
                    _services.Time.GetElapsedTime(turnStarted, turnEnded).TotalSeconds,
                    new KeyValuePair<string, object?>("grain_type", _grains[grain].Type));
                turnStarted = turnEnded;
            }

            _services.Instruments.EventsProcessed.Add(events);
            _services.Instruments.MessagesApplied.Add(messages);
        }
        finally
        {
            ClearGroups();
        }
    }
}
