using System.Buffers;
using System.Text.Json;
using Grains.Interfaces.Events;

namespace Grains.Interfaces.Experiments;

public static partial class ExperimentValidator
{
    private static void Variants(List<ValidationError> errors, ExperimentDefinition candidate)
    {
        // Null only when the JSON says so explicitly ("variants": null).
        var variants = candidate.Variants ?? [];
        if (variants.Count < ExperimentLimits.MinVariants)
        {
            errors.Add(new("variants", $"has {variants.Count}; at least {ExperimentLimits.MinVariants} are required"));
        }
        else if (variants.Count > ExperimentLimits.MaxVariants)
        {
            errors.Add(new("variants", $"has {variants.Count}; at most {ExperimentLimits.MaxVariants} are allowed"));
        }

        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var isAb = candidate.Type == ExperimentTypes.Ab;
        var weightsValid = isAb;
        var weightSum = 0.0;
        for (var i = 0; i < variants.Count; i++)
        {
            var field = $"variants[{i}]";
            var variant = variants[i];
            if (variant is null)
            {
                errors.Add(new(field, "must be an object"));
                weightsValid = false;
                continue;
            }

            if (string.IsNullOrEmpty(variant.Name))
            {
                errors.Add(new($"{field}.name", "is required"));
            }
            else if (!IsLowercaseIdentifier(variant.Name))
            {
                errors.Add(new($"{field}.name", LowercaseIdentifierRule));
            }
            else if (!firstByName.TryAdd(variant.Name, i))
            {
                errors.Add(new($"{field}.name", $"'{variant.Name}' is already the name of variants[{firstByName[variant.Name]}]; names must be unique"));
            }

            Config(errors, $"{field}.config", variant.Config);
            if (!isAb)
            {
                if (variant.Weight is not null)
                {
                    errors.Add(new($"{field}.weight", "must be absent: a bandit learns its split from rewards"));
                }
            }
            else if (variant.Weight is not { } weight)
            {
                errors.Add(new($"{field}.weight", "is required for an ab experiment"));
                weightsValid = false;
            }
            else if (!(weight is >= 0 and <= 1))
            {
                errors.Add(new($"{field}.weight", $"is {weight}; it must lie in [0, 1]"));
                weightsValid = false;
            }
            else
            {
                weightSum += weight;
            }
        }

        // Only judge the sum when every weight is valid; otherwise it repeats the errors above.
        if (weightsValid && variants.Count > 0 && Math.Abs(weightSum - 1) > ExperimentLimits.WeightSumTolerance)
        {
            errors.Add(new("variants", $"weights sum to {weightSum}; they must sum to 1"));
        }
    }

    private static void Config(List<ValidationError> errors, string field, JsonElement? config)
    {
        if (config is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field, $"is a JSON {element.ValueKind.ToString().ToLowerInvariant()}; it must be an object"));
            return;
        }

        // Measured compactly, so indentation in the request does not count against the bound.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        if (buffer.WrittenCount > ExperimentLimits.MaxConfigBytes)
        {
            errors.Add(new(field, $"is {buffer.WrittenCount} bytes serialized; at most {ExperimentLimits.MaxConfigBytes} are allowed"));
        }
    }
}
