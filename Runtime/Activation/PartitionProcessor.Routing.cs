using Runtime.Abstractions;
using Runtime.Grains;
using Runtime.Log;
using Runtime.Processing;

namespace Runtime.Activation;

/// <summary>Routing and delivery: what a record means on this partition, and applying events to a grain in one turn.</summary>
internal sealed partial class PartitionProcessor
{
    /// <summary>Decides what one record means here: an event for a local grain, a re-route, a duplicate or a dead letter.</summary>
    private bool Route(LogRecord record, IEventStreamBinding binding, out string grainKey, out object @event, out LogRecord source)
    {
        grainKey = null!;
        @event = null!;
        source = record;
        if (record.Topic == _services.Topics.Internal)
        {
            if (!ForwardEnvelope.TryDecode(record.Value, out var envelope))
            {
                SendToDeadLetters(record, "internal record is not a valid forward envelope");
                return false;
            }

            var stream = envelope.DedupeStream;
            if (_dedupe.TryGetValue(stream, out var applied) && envelope.SourceOffset <= applied)
            {
                _services.Instruments.DuplicatesDropped.Add(1);
                return false;
            }

            _dedupe[stream] = envelope.SourceOffset;
            source = new LogRecord(_services.Topics.Events, envelope.SourcePartition, envelope.SourceOffset, envelope.Key, envelope.Value);
        }
        else if (record.Topic != _services.Topics.Events)
        {
            return false;
        }

        var decoded = binding.Decode(source);
        if (!decoded.IsValid)
        {
            SendToDeadLetters(source, decoded.Error!);
            return false;
        }

        var home = GrainPartitioner.PartitionOf(decoded.GrainKey!, _services.PartitionCount);
        if (home != Partition)
        {
            // Only records read from the events topic are re-routed; a forwarded record always lands home.
            _services.Producer.Produce(_services.Topics.Internal, home, record.Key, ForwardEnvelope.From(record).Encode());
            _services.Instruments.EventsForwarded.Add(1);
            return false;
        }

        grainKey = decoded.GrainKey!;
        @event = decoded.Event!;
        return true;
    }

    /// <summary>Applies <c>events[start..end]</c> to one grain in one turn; <paramref name="started"/> is when the turn was due.</summary>
    private async Task<int> DeliverAsync(GrainActivation activation, PendingEvent[] events, int start, int end, IEventStreamBinding binding, long started)
    {
        await activation.EnterTurnAsync(CancellationToken.None).ConfigureAwait(false);
        var applied = 0;
        try
        {
            activation.Touch(started);
            for (var i = start; i < end; i++)
            {
                var source = events[i].Source;
                try
                {
                    await binding.DeliverAsync(activation.Grain, events[i].Event, new EventContext(source.Topic, source.Partition, source.Offset)).ConfigureAwait(false);
                    applied++;
                }
#pragma warning disable CA1031 // A grain's failure on one event must not stop the partition: it is dead-lettered.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    SendToDeadLetters(source, $"grain {activation.GrainId} rejected the event: {exception.Message}");
                }
            }

            activation.MarkTouchedByEvents();
        }
        finally
        {
            activation.ExitTurn();
        }

        return applied;
    }
}
