using Grains.Experiments;

namespace Dashboard.Experiments;

/// <summary>One experiment in the list, from the snapshot every silo caches (no grain call).</summary>
public sealed record ExperimentSummary
{
    public string Id { get; init; } = "";

    public string Type { get; init; } = "";

    public string Status { get; init; } = "";

    public long Version { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string RewardEventType { get; init; } = "";

    public double TrafficAllocation { get; init; }

    public long Exposures { get; init; }

    public long Conversions { get; init; }

    public List<VariantSummary> Variants { get; init; } = [];

    public static ExperimentSummary From(ExperimentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var definition = snapshot.Definition;
        var total = snapshot.Exposures.Sum();
        return new ExperimentSummary
        {
            Id = definition.Id,
            Type = definition.Type,
            Status = definition.Status,
            Version = definition.Version,
            UpdatedAt = definition.UpdatedAt,
            RewardEventType = definition.RewardEventType,
            TrafficAllocation = definition.TrafficAllocation,
            Exposures = total,
            Conversions = snapshot.Conversions.Sum(),
            Variants = [.. definition.Variants.Select((variant, i) =>
            {
                var exposures = i < snapshot.Exposures.Length ? snapshot.Exposures[i] : 0;
                var conversions = i < snapshot.Conversions.Length ? snapshot.Conversions[i] : 0;
                return new VariantSummary(variant.Name, variant.Weight, exposures, conversions, total == 0 ? 0 : (double)exposures / total);
            })],
        };
    }
}
