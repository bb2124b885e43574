using Grains.Interfaces.Experiments;

namespace Grains.Experiments;

/// <summary>
/// When a redefinition starts a new iteration: whenever the old statistics would mean something else
/// under the new definition. Other arms or another reward make another comparison. Other ab weights
/// move users between variants (the hash ranges shift) and change the split the SRM check expects, so a
/// reallocation also starts afresh rather than mixing exposures decided under two splits.
/// </summary>
public static class ExperimentIterations
{
    /// <summary>
    /// The iteration <paramref name="next"/> belongs to, after <paramref name="previous"/> (null when there is
    /// none). The first is 0: exposures logged and definitions stored before iterations existed carry
    /// none, read as 0, and so still count in the iteration they were made in.
    /// </summary>
    public static long Of(ExperimentDefinition? previous, ExperimentDefinition next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (previous is null)
        {
            return 0;
        }

        return StartsNew(previous, next) ? previous.Iteration + 1 : previous.Iteration;
    }

    /// <summary>True when <paramref name="next"/> resets the statistics <paramref name="previous"/> built.</summary>
    public static bool StartsNew(ExperimentDefinition previous, ExperimentDefinition next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        return previous.Type != next.Type
            || previous.RewardKind != next.RewardKind
            || previous.RewardEventType != next.RewardEventType
            || !previous.Variants.Select(v => v.Name).SequenceEqual(next.Variants.Select(v => v.Name), StringComparer.Ordinal)
            || (next.Type == ExperimentTypes.Ab && !previous.Variants.Select(v => v.Weight).SequenceEqual(next.Variants.Select(v => v.Weight)));
    }
}
