using Runtime.Grains;
using Runtime.Log;

namespace Runtime.Processing;

/// <summary>Connects the events topic to the grain type that consumes it, without generics on the hot path.</summary>
internal interface IEventStreamBinding
{
    /// <summary>The grain type name that consumes the stream.</summary>
    string GrainType { get; }

    /// <summary>Decodes a record into its grain key and a boxed event, or a rejection reason.</summary>
    DecodeResult<object> Decode(LogRecord record);

    /// <summary>Applies one event to the grain inside the current turn.</summary>
    ValueTask DeliverAsync(Grain grain, object @event, EventContext context);
}
