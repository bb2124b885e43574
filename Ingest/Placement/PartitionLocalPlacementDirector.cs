using Orleans.Runtime.Placement;

namespace Ingest.Placement;

/// <summary>
/// A placement hint wins; then the silo a partition processor called from; otherwise (a first call
/// from the API, say) the calling silo if it is active, or any compatible silo.
/// </summary>
internal sealed class PartitionLocalPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint)
        {
            return Task.FromResult(hint);
        }

        if (target.RequestContextData is { } data
            && data.TryGetValue(PartitionLocalPlacement.CallerSiloKey, out var value)
            && value is SiloAddress caller
            && compatible.Contains(caller))
        {
            return Task.FromResult(caller);
        }

        if (context.LocalSiloStatus == SiloStatus.Active && compatible.Contains(context.LocalSilo))
        {
            return Task.FromResult(context.LocalSilo);
        }

        return Task.FromResult(compatible[Random.Shared.Next(compatible.Length)]);
    }
}
