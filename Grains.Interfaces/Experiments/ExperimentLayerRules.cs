using Grains.Interfaces.Events;

namespace Grains.Interfaces.Experiments;

/// <summary>
/// Mutual exclusion within a layer: running experiments of one layer must not overlap in bucket range, so a
/// user is in at most one of them.
/// </summary>
public static class ExperimentLayerRules
{
    /// <summary>
    /// The running experiments among <paramref name="others"/> whose range in <paramref name="candidate"/>'s layer
    /// overlaps the candidate's. Empty when the candidate has no layer or is stopped; the candidate's own earlier
    /// version (same id) is not a conflict.
    /// </summary>
    public static IReadOnlyList<ExperimentDefinition> FindOverlaps(ExperimentDefinition candidate, IEnumerable<ExperimentDefinition> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        if (candidate.Layer is not { } layer || !IsRunning(candidate))
        {
            return [];
        }

        return
        [
            .. others.Where(other => other.Layer is { } otherLayer
                && IsRunning(other)
                && !string.Equals(other.Id, candidate.Id, StringComparison.Ordinal)
                && layer.Overlaps(otherLayer)),
        ];
    }

    /// <summary>One <c>layer</c> error per overlapping experiment, for the same response as <see cref="ExperimentValidator"/>.</summary>
    public static IReadOnlyList<ValidationError> Validate(ExperimentDefinition candidate, IEnumerable<ExperimentDefinition> others) =>
    [
        .. FindOverlaps(candidate, others).Select(other => new ValidationError(
            "layer",
            $"buckets [{candidate.Layer!.Start}, {candidate.Layer.End}) of layer '{candidate.Layer.Name}' overlap "
            + $"[{other.Layer!.Start}, {other.Layer.End}) of running experiment '{other.Id}'")),
    ];

    private static bool IsRunning(ExperimentDefinition experiment) =>
        string.Equals(experiment.Status, ExperimentStatuses.Running, StringComparison.Ordinal);
}
