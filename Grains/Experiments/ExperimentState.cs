using Experimentation.Bandits;
using Grains.Interfaces.Experiments;

namespace Grains.Experiments;

/// <summary>What an experiment grain persists: the definition, the bandit's (possibly discounted) arm table and raw per-variant totals.</summary>
public sealed record ExperimentState
{
    public ExperimentDefinition? Definition { get; set; }

    public ArmTableData? Arms { get; set; }

    /// <summary>Per variant, undiscounted: exposures, credited conversions, and the value sum and sum of squares.</summary>
    public long[] Exposures { get; set; } = [];

    public long[] Conversions { get; set; } = [];

    public double[] ValueSums { get; set; } = [];

    public double[] ValueSumsOfSquares { get; set; } = [];

    /// <summary>Per variant: user-level sums (unique users, converted users, value and covariate sums, guardrails).</summary>
    public List<VariantUserTotals> UserTotals { get; set; } = [];

    /// <summary>Credits per message kind received, to seed policy recomputation deterministically.</summary>
    public long Updates { get; set; }
}
