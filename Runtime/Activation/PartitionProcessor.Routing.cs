using Runtime.Abstractions;
using Runtime.Grains;
using Runtime.Log;
using Runtime.Processing;

namespace Runtime.Activation;

/// <summary>Routing and delivery: what a record means on this partition, and applying events to a grain in one turn.</summary>
internal sealed partial class PartitionProcessor
{
    /// <summary>Decides what one record means here: an event for a local grain, a re-route, a duplicate or a dead letter.</summary>
    private PendingEvent? Route(LogRecord record, IEventStreamBinding? binding)
    {
        var source = record;
        if (record.Topic == _services.Topics.Internal)
        {
            if (MessageEnvelope.IsMessage(record.Value))
            {
                return RouteMessage(record);
            }

            if (!ForwardEnvelope.TryDecode(record.Value, out var envelope))
            {
                SendToDeadLetters(record, "internal record is not a valid forward envelope");
                return null;
            }

            var stream = envelope.DedupeStream;
            if (_dedupe.TryGetValue(stream, out var applied) && envelope.SourceOffset <= applied)
            {
                _services.Instruments.DuplicatesDropped.Add(1);
                return null;
            }

            _dedupe[stream] = envelope.SourceOffset;
            source = new LogRecord(_services.Topics.Events, envelope.SourcePartition, envelope.SourceOffset, envelope.Key, envelope.Value);
        }
        else if (record.Topic != _services.Topics.Events)
        {
            return null;
        }

        if (binding is null)
        {
            return null;
        }

        var decoded = binding.Decode(source);
        if (!decoded.IsValid)
        {
            SendToDeadLetters(source, decoded.Error!);
            return null;
        }

        var home = GrainPartitioner.PartitionOf(decoded.GrainKey!, _services.PartitionCount);
        if (home != Partition)
        {
            // Only records read from the events topic are re-routed; a forwarded record always lands home.
            ProduceDerived(_services.Topics.Internal, home, record.Key, ForwardEnvelope.From(record).Encode());
            _services.Instruments.EventsForwarded.Add(1);
            return null;
        }

        return new PendingEvent(new GrainId(binding.GrainType, decoded.GrainKey!), decoded.Event!, new EventContext(source.Topic, source.Partition, source.Offset), source, binding);
    }

    /// <summary>A durable message from another partition's grains: dropped when its sequence was already applied here.</summary>
    private PendingEvent? RouteMessage(LogRecord record)
    {
        if (!MessageEnvelope.TryDecode(record.Value, out var envelope))
        {
            SendToDeadLetters(record, "internal record is not a valid message envelope");
            return null;
        }

        var stream = envelope.DedupeStream;
        if (_dedupe.TryGetValue(stream, out var applied) && envelope.Sequence <= applied)
        {
            _services.Instruments.DuplicatesDropped.Add(1);
            return null;
        }

        _dedupe[stream] = envelope.Sequence;
        if (!_services.Messages.TryGet(envelope.Kind, out var binding) || binding.GrainType != envelope.GrainType)
        {
            SendToDeadLetters(record, $"no message kind '{envelope.Kind}' for grain type '{envelope.GrainType}' is registered in this silo");
            return null;
        }

        var message = binding.Decode(envelope.Payload, out var error);
        if (message is null)
        {
            SendToDeadLetters(record, error!);
            return null;
        }

        if (GrainPartitioner.PartitionOf(envelope.GrainKey, _services.PartitionCount) != Partition)
        {
            SendToDeadLetters(record, $"message for {envelope.GrainType}/{envelope.GrainKey} arrived on partition {Partition}, which does not own that grain");
            return null;
        }

        return new PendingEvent(
            new GrainId(envelope.GrainType, envelope.GrainKey),
            message,
            new EventContext(record.Topic, envelope.SourcePartition, envelope.Sequence),
            record,
            binding);
    }

    /// <summary>
    /// Applies <c>_grouped[start..end]</c> to one grain in one turn; <paramref name="started"/> is when
    /// the turn was due. Returns how many were stream events and how many grain messages. A ValueTask:
    /// turns nearly always complete synchronously, and a Task of a tuple would be allocated per turn.
    /// </summary>
    private async ValueTask<(int Events, int Messages)> DeliverAsync(GrainActivation activation, int start, int end, IEventStreamBinding? binding, long started)
    {
        await activation.EnterTurnAsync(CancellationToken.None).ConfigureAwait(false);
        var events = 0;
        var messages = 0;
        try
        {
            activation.Touch(started);
            for (var i = start; i < end; i++)
            {
                var pending = _grouped[i];
                try
                {
                    await pending.Delivery.DeliverAsync(activation.Grain, pending.Event, pending.Context).ConfigureAwait(false);
                    if (ReferenceEquals(pending.Delivery, binding))
                    {
                        events++;
                    }
                    else
                    {
                        messages++;
                    }
                }
#pragma warning disable CA1031 // A grain's failure on one event must not stop the partition: it is dead-lettered.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    SendToDeadLetters(pending.Source, $"grain {activation.GrainId} rejected the event: {exception.Message}");
                }
            }

            activation.MarkTouchedByEvents();
        }
        finally
        {
            activation.ExitTurn();
        }

        return (events, messages);
    }

    /// <summary>A record routed to a local grain: the grain, what to deliver, and where it came from.</summary>
    private readonly record struct PendingEvent(GrainId Grain, object Event, EventContext Context, LogRecord Source, IGrainDelivery Delivery);
}
