namespace Ingest.Processing;

/// <summary>A decoded record (the grain key and the event) or the reason it was rejected.</summary>
public readonly record struct DecodeResult<TEvent>(string? Key, TEvent? Event, string? Error)
{
    public bool IsValid => Error is null;

    public static DecodeResult<TEvent> Valid(string key, TEvent @event) => new(key, @event, null);

    public static DecodeResult<TEvent> Invalid(string reason) => new(null, default, reason);
}
