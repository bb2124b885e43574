using System.Diagnostics.Metrics;

namespace Grains.Decisions;

/// <summary>The decision service's instruments, on the meter named <see cref="MeterName"/>.</summary>
public sealed class DecisionInstruments
{
    public const string MeterName = "Grains";

    public const string DecisionsName = "grains.decisions";

    public DecisionInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Decisions = meterFactory.Create(MeterName).CreateCounter<long>(DecisionsName, "{decision}", "Experiment decisions answered, by reason (hash, thompson, burn_in, holdout, not_targeted, stopped).");
    }

    public Counter<long> Decisions { get; }

    /// <summary>Counts one experiment's decision under its reason.</summary>
    public void Decided(string reason) => Decisions.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
