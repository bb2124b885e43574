using Grains.Interfaces.Events;
using Grains.Interfaces.Users;
using Runtime.Grains;

namespace Grains.Users;

/// <summary>Keeps one user's rolling features from the user's events.</summary>
public sealed class UserGrain(TimeProvider time) : Grain<UserState>(GrainStateJsonContext.Default.UserState, () => new UserState()),
    IUserGrain, IEventConsumer<InteractionEvent>
{
    public ValueTask OnEventAsync(InteractionEvent payload, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var state = State;
        state.TotalEvents++;
        state.TotalsByType[payload.Type] = state.TotalsByType.GetValueOrDefault(payload.Type) + 1;
        state.ValueSum += payload.Value ?? 0;
        if (state.LastEventAt is null || payload.Timestamp > state.LastEventAt)
        {
            state.LastEventAt = payload.Timestamp;
        }

        MarkStateChanged();
        return ValueTask.CompletedTask;
    }

    public Task<UserFeatures> GetFeaturesAsync() => Task.FromResult(new UserFeatures
    {
        UserId = Key,
        TotalEvents = State.TotalEvents,
        TotalsByType = new Dictionary<string, long>(State.TotalsByType, StringComparer.Ordinal),
        ValueSum = State.ValueSum,
        LastEventAt = State.LastEventAt,
        AsOf = time.GetUtcNow(),
    });

    public Task EraseAsync()
    {
        ClearState();
        return WriteStateAsync();
    }
}
