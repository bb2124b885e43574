using Runtime.Log;

namespace Runtime.Grains;

/// <summary>Turns a raw record of the events topic into a grain key and an event, or a reason to reject it.</summary>
/// <typeparam name="TEvent">The decoded event type.</typeparam>
public interface IRecordDecoder<TEvent>
{
    /// <summary>Decodes and validates; never throws for bad input.</summary>
    DecodeResult<TEvent> Decode(LogRecord record);
}
