using Runtime.Grains;
using Runtime.Log;

namespace Runtime.Processing;

/// <summary>The typed binding of one event type to the grain class that implements <see cref="IEventConsumer{TEvent}"/>.</summary>
internal sealed class EventStreamBinding<TEvent>(string grainType, IRecordDecoder<TEvent> decoder) : IEventStreamBinding
    where TEvent : class
{
    public string GrainType { get; } = grainType;

    public DecodeResult<object> Decode(LogRecord record)
    {
        var result = decoder.Decode(record);
        return result.IsValid
            ? DecodeResult<object>.Valid(result.GrainKey!, result.Event!)
            : DecodeResult<object>.Invalid(result.Error!);
    }

    public ValueTask DeliverAsync(Grain grain, object item, EventContext context) =>
        grain is IEventConsumer<TEvent> consumer
            ? consumer.OnEventAsync((TEvent)item, context)
            : throw new InvalidOperationException($"{grain.GetType().Name} does not implement IEventConsumer<{typeof(TEvent).Name}>.");
}
