using System.Collections.Concurrent;
using System.Collections.Frozen;
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
    private OutcomeTypes _outcomeTypes = new(-1, FrozenSet<string>.Empty);

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

    /// <summary>
    /// True when some experiment rewards or guards events of <paramref name="eventType"/>: the events a user
    /// grain holds for an exposure still on its way. Rebuilt only when the snapshot cache changes.
    /// </summary>
    public bool IsOutcomeType(string eventType)
    {
        var current = Volatile.Read(ref _outcomeTypes);
        var version = _cache.Version;
        if (current.Version != version)
        {
            // The version is read before the snapshots: a change in between only costs one more rebuild.
            var types = All().SelectMany(s => s.Definition.Guardrails.Select(g => g.EventType).Append(s.Definition.RewardEventType));
            current = new OutcomeTypes(version, types.ToFrozenSet(StringComparer.Ordinal));
            Volatile.Write(ref _outcomeTypes, current);
        }

        return current.Types.Contains(eventType);
    }

    /// <summary>Every experiment's latest snapshot, ordered by id.</summary>
    public IReadOnlyList<ExperimentSnapshot> All() =>
        [.. _cache.All<ExperimentSnapshot>(GrainType).OrderBy(s => s.Definition.Id, StringComparer.Ordinal)];

    private sealed record OutcomeTypes(long Version, FrozenSet<string> Types);
}
