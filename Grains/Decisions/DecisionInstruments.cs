using System.Diagnostics.Metrics;

namespace Grains.Decisions;

/// <summary>The decision service's instruments, on the meter named <see cref="MeterName"/>.</summary>
public sealed class DecisionInstruments
{
    public const string MeterName = "Grains";

    public const string DecisionsName = "grains.decisions";

    public const string DeduplicatedName = "grains.exposures.deduplicated";

    public DecisionInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        Decisions = meter.CreateCounter<long>(DecisionsName, "{decision}", "Experiment decisions answered, by reason (hash, thompson, burn_in, holdout, not_targeted, stopped).");
        DeduplicatedExposures = meter.CreateCounter<long>(DeduplicatedName, "{exposure}", "Hash-assigned exposures not logged because the same one was logged within Decisions:ExposureDedupWindow.");
    }

    public Counter<long> Decisions { get; }

    public Counter<long> DeduplicatedExposures { get; }

    /// <summary>Counts one experiment's decision under its reason.</summary>
    public void Decided(string reason) => Decisions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Counts one exposure left unlogged as a repeat.</summary>
    public void ExposureDeduplicated() => DeduplicatedExposures.Add(1);
}
