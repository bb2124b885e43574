namespace Ingest.Processing;

/// <summary>
/// Turns a record into a grain key and an event, or rejects it with a reason. Must be pure: a replay
/// decodes the same bytes and must produce the same key and event. An exception counts as a rejection.
/// </summary>
public interface IRecordDecoder<TEvent>
{
    DecodeResult<TEvent> Decode(SourceRecord record);
}
