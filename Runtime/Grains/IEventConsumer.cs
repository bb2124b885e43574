namespace Runtime.Grains;

/// <summary>
/// Implemented by a grain class that consumes a log stream. Events arrive in partition order, in
/// batches: one turn delivers every event of a batch for this grain, one call per event.
/// </summary>
/// <typeparam name="TEvent">The decoded event type.</typeparam>
public interface IEventConsumer<in TEvent>
{
    /// <summary>
    /// Applies one event. Throwing sends the event to the dead-letter topic with the exception's
    /// message; validate before mutating state so a rejected event leaves no trace.
    /// </summary>
    ValueTask OnEventAsync(TEvent payload, EventContext context);
}
