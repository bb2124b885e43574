using Ingest.Grains;

namespace Ingest.Tests.TestGrains;

/// <summary>
/// Counts every event it applies, by id, without deduplicating ids: only the protocol's
/// per-partition offset check stands between a replay and a double count.
/// </summary>
public sealed class CountingGrain([PersistentState("counts")] IPersistentState<CountingState> state) : Grain, ICountingGrain
{
    public const string CreditKind = "credit";

    public async Task<OutboxEnvelope[]> ApplyAsync(EventBatch<CountEvent> batch)
    {
        var messages = state.State.Progress.Apply(batch, sourced =>
        {
            state.State.Counts[sourced.Event.Id] = state.State.Counts.GetValueOrDefault(sourced.Event.Id) + 1;
            return [new OutboxEnvelope(CreditKind, sourced.Event.CreditTarget, new Credit(sourced.Event.Id))];
        });
        await state.WriteStateAsync();
        return messages;
    }

    public Task<Dictionary<string, int>> GetCountsAsync() => Task.FromResult(new Dictionary<string, int>(state.State.Counts));
}
