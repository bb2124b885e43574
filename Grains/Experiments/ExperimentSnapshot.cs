using Grains.Interfaces.Experiments;

namespace Grains.Experiments;

/// <summary>
/// What an experiment grain publishes to every silo: its definition and, for bandits, the serving
/// probabilities per context segment. A decision reads only this, never the grain.
/// </summary>
public sealed record ExperimentSnapshot
{
    public ExperimentDefinition Definition { get; set; } = new();

    /// <summary>The global policy first (segment ""), then one per segment with enough data of its own.</summary>
    public List<SegmentPolicy> Policies { get; set; } = [];

    /// <summary>Per variant: decisions counted so far (undiscounted), for dashboards and freshness checks.</summary>
    public long[] Exposures { get; set; } = [];

    /// <summary>Per variant: decisions credited with a reward so far.</summary>
    public long[] Conversions { get; set; } = [];
}
