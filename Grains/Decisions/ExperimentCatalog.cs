using System.Collections.Concurrent;
using Grains.Experiments;
using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;
using Runtime.Snapshots;

namespace Grains.Decisions;

/// <summary>Every experiment known to this silo, compiled from the snapshots its cache holds and rebuilt when one changes.</summary>
public sealed class ExperimentCatalog
{
    private static readonly string GrainType = GrainInterfaceCatalog.NameOf(typeof(Interfaces.Experiments.IExperimentGrain));
    private readonly SnapshotCache _cache;
    private readonly ConcurrentDictionary<string, (ExperimentSnapshot Source, CompiledExperiment Compiled)> _compiled = new(StringComparer.Ordinal);

    public ExperimentCatalog(SnapshotCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    public bool TryGet(string experimentId, out CompiledExperiment experiment)
    {
        experiment = null!;
        if (!_cache.TryGet<ExperimentSnapshot>(new GrainId(GrainType, experimentId), out var snapshot))
        {
            return false;
        }

        if (_compiled.TryGetValue(experimentId, out var entry) && ReferenceEquals(entry.Source, snapshot))
        {
            experiment = entry.Compiled;
            return true;
        }

        experiment = new CompiledExperiment(snapshot);
        _compiled[experimentId] = (snapshot, experiment);
        return true;
    }

    /// <summary>Every experiment's latest snapshot, ordered by id.</summary>
    public IReadOnlyList<ExperimentSnapshot> All() =>
        [.. _cache.All<ExperimentSnapshot>(GrainType).OrderBy(s => s.Definition.Id, StringComparer.Ordinal)];
}
