using Experimentation.Bandits;
using Grains.Interfaces.Experiments;

namespace Grains.Experiments;

/// <summary>Adds the credits user grains send to an experiment's totals and bandit table.</summary>
internal static class CreditLedger
{
    /// <summary>
    /// Applies the credits of the definition's current iteration; credits of an earlier one (decided before
    /// a redefinition, delivered after it) and of unknown variants are dropped. Returns how many were applied.
    /// </summary>
    public static int Apply(ExperimentState state, ExperimentDefinition definition, ContextualArmTable table, IEnumerable<ArmCredit> credits)
    {
        while (state.UserTotals.Count < definition.Variants.Count)
        {
            // State stored before user-level totals existed.
            state.UserTotals.Add(new VariantUserTotals());
        }

        var applied = 0;
        foreach (var credit in credits)
        {
            var arm = definition.Variants.FindIndex(v => v.Name == credit.Variant);
            if (arm < 0 || credit.Iteration != definition.Iteration)
            {
                continue;
            }

            applied++;
            state.Exposures[arm] += credit.Trials;
            state.Conversions[arm] += credit.Successes;
            state.ValueSums[arm] += credit.ValueSum;
            state.ValueSumsOfSquares[arm] += credit.ValueSumOfSquares;
            state.UserTotals[arm].Add(credit);
            if (credit.Trials == 0 && credit.Successes == 0)
            {
                // A user-level delta only: the bandit learns from decisions.
                continue;
            }

            var observation = new ArmStatistics(credit.Trials, credit.Successes, credit.ValueSum, credit.ValueSumOfSquares);
            table.Record(string.IsNullOrEmpty(credit.Segment) ? null : credit.Segment, arm, observation, credit.LastAt);
        }

        return applied;
    }
}
