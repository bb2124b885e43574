using Runtime.Grains;
using Runtime.Log;

namespace Runtime.Processing;

/// <summary>Connects the events topic to the grain type that consumes it, without generics on the hot path.</summary>
internal interface IEventStreamBinding : IGrainDelivery
{
    /// <summary>Decodes a record into its grain key and a boxed event, or a rejection reason.</summary>
    DecodeResult<object> Decode(LogRecord record);
}
