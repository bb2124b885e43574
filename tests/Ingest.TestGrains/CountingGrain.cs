using Ingest.Grains;
using Ingest.Placement;

namespace Ingest.TestGrains;

/// <summary>
/// Counts every event it applies, by id, without deduplicating ids: only the protocol's
/// per-partition offset check stands between a replay and a double count.
/// </summary>
[PartitionLocalPlacement]
public sealed class CountingGrain([PersistentState("counts")] IPersistentState<CountingState> state, ILocalSiloDetails silo) : Grain, ICountingGrain
{
    public const string CreditKind = "credit";

    public async Task<OutboxEnvelope[]> ApplyAsync(EventBatch<CountEvent> batch)
    {
        var local = RequestContext.Get(PartitionLocalPlacement.CallerSiloKey) is SiloAddress caller && caller.Equals(silo.SiloAddress);
        var locality = state.State.Locality;
        state.State.Locality = local ? locality with { Local = locality.Local + 1 } : locality with { Remote = locality.Remote + 1 };
        var messages = state.State.Progress.Apply(batch, sourced =>
        {
            state.State.Counts[sourced.Event.Id] = state.State.Counts.GetValueOrDefault(sourced.Event.Id) + 1;
            return [new OutboxEnvelope(CreditKind, sourced.Event.CreditTarget, new Credit(sourced.Event.Id))];
        });
        await state.WriteStateAsync();
        return messages;
    }

    public Task<CallLocality> GetLocalityAsync() => Task.FromResult(state.State.Locality);

    public Task<Dictionary<string, int>> GetCountsAsync() => Task.FromResult(new Dictionary<string, int>(state.State.Counts));
}
