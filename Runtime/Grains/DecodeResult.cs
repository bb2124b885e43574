namespace Runtime.Grains;

/// <summary>A decoded event with the key of the grain it belongs to, or the reason it was rejected.</summary>
/// <typeparam name="TEvent">The decoded event type.</typeparam>
public readonly record struct DecodeResult<TEvent>(string? GrainKey, TEvent? Event, string? Error)
{
    public bool IsValid => Error is null;

    public static DecodeResult<TEvent> Valid(string grainKey, TEvent @event) => new(grainKey, @event, null);

    public static DecodeResult<TEvent> Invalid(string error) => new(null, default, error);
}
