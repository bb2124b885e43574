using System.Globalization;
using System.Text;
using System.Text.Json;
using Runtime.Abstractions;
using Runtime.Diagnostics;
using Runtime.Processing;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>
/// The transactional outbox: messages that grains send are combined per target, committed with the
/// checkpoint (as the state of a per-partition system row) under a sequence number, and published
/// to the internal topic only after that commit. A new owner re-publishes what was committed but not
/// confirmed; receivers drop sequences they have applied. Snapshots ride along, latest per key.
/// </summary>
internal sealed partial class PartitionProcessor : IPartitionOutbox
{
    /// <summary>Grain type of the per-partition row holding committed, unpublished messages.</summary>
    internal const string OutboxGrainType = "$outbox";
    private const string SequenceMark = "$outbox:seq";
    private readonly Lock _outboxGate = new();
    private readonly OrderedDictionary<(string Kind, string Type, string Key, long Slot), (IMessageBinding Binding, object Message)> _pendingMessages = [];
    private readonly Dictionary<string, byte[]> _pendingSnapshots = new(StringComparer.Ordinal);
    private List<OutboxEntry> _unpublished = [];
    private long _outboxSequence;
    private long _uncombinedSlot;
    private long _publishedThrough;

    // The latest publish, run after its commit; each one waits for the one before.
    private Task _publishing = Task.CompletedTask;
    private bool _outboxLoaded;

    private string OutboxKey => Partition.ToString(CultureInfo.InvariantCulture);

    public void Send(GrainId target, IMessageBinding binding, object message)
    {
        lock (_outboxGate)
        {
            // Combinable messages share one slot per target; the others each get their own, in order.
            var key = (binding.Kind, target.Type, target.Key, binding.CanCombine ? 0 : ++_uncombinedSlot);
            _pendingMessages[key] = binding.CanCombine && _pendingMessages.TryGetValue(key, out var pending)
                ? (binding, binding.Combine(pending.Message, message))
                : (binding, message);
        }

        _schedule.MessagePending();
    }

    public void PublishSnapshot(string key, byte[] payload, bool afterCommit)
    {
        if (!afterCommit)
        {
            _services.Producer.Produce(_services.Topics.Snapshots, 0, Encoding.UTF8.GetBytes(key), payload);
            _services.Instruments.SnapshotsPublished.Add(1);
            return;
        }

        lock (_outboxGate)
        {
            _pendingSnapshots[key] = payload;
        }
    }

    /// <summary>Storage may be briefly unreachable when a partition is taken over: keep trying until it answers or the partition stops.</summary>
    private async Task LoadOutboxWithRetriesAsync(CancellationToken token)
    {
        for (var delay = TimeSpan.FromMilliseconds(100); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond * 5)))
        {
            try
            {
                await LoadOutboxAsync(token).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                RuntimeLog.BackgroundTaskFailed(_services.Logger, exception, $"outbox load of partition {Partition}");
                await Task.Delay(delay, _services.Time, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Loads what the previous owner committed but may not have published; runs before the first batch.</summary>
    private async Task LoadOutboxAsync(CancellationToken token)
    {
        _outboxSequence = _dedupe.GetValueOrDefault(SequenceMark);
        var stored = await _services.Store.ReadGrainsAsync(_services.Cluster, OutboxGrainType, [OutboxKey], token).ConfigureAwait(false);
        if (stored.TryGetValue(OutboxKey, out var row) && row.State is { } state)
        {
            _unpublished = JsonSerializer.Deserialize(state, RuntimeJsonContext.Default.ListOutboxEntry) ?? [];
            if (_unpublished.Count > 0)
            {
                RuntimeLog.OutboxRecovered(_services.Logger, Partition, _unpublished.Count);
            }
        }

        _outboxLoaded = true;
    }

    /// <summary>
    /// On the loop, at a checkpoint: numbers the pending messages, drops the ones confirmed published,
    /// adds the outbox row to the checkpoint's writes when it changed, and returns what to publish
    /// once the checkpoint has committed.
    /// </summary>
    private OutboxSnapshot TakeOutbox(List<GrainStateWrite> writes)
    {
        if (!_outboxLoaded)
        {
            // Stopped before the previous owner's outbox was read: writing ours would overwrite it.
            return OutboxSnapshot.Empty;
        }

        List<(IMessageBinding Binding, string Type, string Key, object Message)> drained;
        List<KeyValuePair<string, byte[]>> snapshots;
        lock (_outboxGate)
        {
            drained = _pendingMessages.Select(pair => (pair.Value.Binding, pair.Key.Type, pair.Key.Key, pair.Value.Message)).ToList();
            _pendingMessages.Clear();
            _schedule.MessagesTaken();
            snapshots = [.. _pendingSnapshots];
            _pendingSnapshots.Clear();
        }

        var published = Volatile.Read(ref _publishedThrough);
        var before = _unpublished.Count;
        _unpublished.RemoveAll(entry => entry.Sequence <= published);
        var changed = _unpublished.Count != before;
        foreach (var (binding, type, key, message) in drained)
        {
            _unpublished.Add(new OutboxEntry(++_outboxSequence, type, key, binding.Kind, binding.Encode(message)));
            changed = true;
        }

        if (changed)
        {
            writes.Add(new GrainStateWrite(
                OutboxGrainType,
                OutboxKey,
                _unpublished.Count == 0 ? null : JsonSerializer.SerializeToUtf8Bytes(_unpublished, RuntimeJsonContext.Default.ListOutboxEntry)));
            _dedupe[SequenceMark] = _outboxSequence;
        }

        return _unpublished.Count == 0 && snapshots.Count == 0 ? OutboxSnapshot.Empty : new OutboxSnapshot([.. _unpublished], snapshots);
    }

    /// <summary>
    /// After a commit: publishes the committed messages and the snapshots, once the previous publish
    /// has ended (so each target receives its messages in sequence order). A failure is retried by
    /// the next checkpoint.
    /// </summary>
    private async Task PublishOutboxAsync(Task previous, OutboxSnapshot outbox)
    {
        await previous.ConfigureAwait(false);
        if (outbox.IsEmpty)
        {
            return;
        }

        // Messages the previous publish confirmed after this snapshot was taken would only be dropped as repeats.
        var confirmed = Volatile.Read(ref _publishedThrough);
        var messages = outbox.Messages.Where(entry => entry.Sequence > confirmed).ToList();
        try
        {
            foreach (var entry in messages)
            {
                var envelope = new MessageEnvelope(Partition, entry.Sequence, entry.GrainType, entry.GrainKey, entry.Kind, entry.Payload);
                var home = GrainPartitioner.PartitionOf(entry.GrainKey, _services.PartitionCount);
                _services.Producer.Produce(_services.Topics.Internal, home, Encoding.UTF8.GetBytes(entry.GrainKey), envelope.Encode());
            }

            foreach (var (key, payload) in outbox.Snapshots)
            {
                _services.Producer.Produce(_services.Topics.Snapshots, 0, Encoding.UTF8.GetBytes(key), payload);
            }

            using (var timeout = new CancellationTokenSource(FlushTimeout))
            {
                await _services.Producer.FlushAsync(timeout.Token).ConfigureAwait(false);
            }

            if (messages.Count > 0)
            {
                Volatile.Write(ref _publishedThrough, messages[^1].Sequence);
            }

            _services.Instruments.MessagesSent.Add(messages.Count);
            _services.Instruments.SnapshotsPublished.Add(outbox.Snapshots.Count);
        }
#pragma warning disable CA1031 // The messages are committed: the next checkpoint publishes them again, and receivers drop duplicates.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RuntimeLog.OutboxPublishFailed(_services.Logger, exception, Partition, messages.Count);
            RequeueSnapshots(outbox.Snapshots);
        }
    }

    private void RequeueSnapshots(IReadOnlyList<KeyValuePair<string, byte[]>> snapshots)
    {
        lock (_outboxGate)
        {
            foreach (var (key, payload) in snapshots)
            {
                _pendingSnapshots.TryAdd(key, payload);
            }
        }
    }
}
