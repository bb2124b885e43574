using Ingest.Grains;

namespace Ingest.TestGrains;

/// <summary>An outbox target that applies each credit once, by the per-source sequence mark.</summary>
public sealed class CreditGrain([PersistentState("credits")] IPersistentState<CreditState> state) : Grain, ICreditGrain
{
    public async Task ReceiveAsync(OutboxDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        state.State.Received += delivery.Items.Length;
        foreach (var item in state.State.Marks.TakeFresh(delivery))
        {
            var id = ((Credit)item.Payload).EventId;
            state.State.Applied[id] = state.State.Applied.GetValueOrDefault(id) + 1;
        }

        await state.WriteStateAsync();
    }

    public Task<CreditState> GetStateAsync() => Task.FromResult(state.State);
}
