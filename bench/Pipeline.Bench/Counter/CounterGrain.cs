using Grains.Interfaces.Events;
using Runtime.Grains;

namespace Pipeline.Bench.Counter;

/// <summary>Counts a user's events and sums their values; its state is checkpointed like any grain's.</summary>
public sealed class CounterGrain()
    : Grain<CounterState>(CounterJsonContext.Default.CounterState, () => new CounterState()), ICounterGrain, IEventConsumer<InteractionEvent>
{
    public ValueTask OnEventAsync(InteractionEvent payload, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var state = State;
        state.Events++;
        state.ValueSum += payload.Value ?? 0;
        state.LastAt = payload.Timestamp;
        MarkStateChanged();
        return ValueTask.CompletedTask;
    }
}
