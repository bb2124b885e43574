using Grains.Interfaces.Events;

namespace Grains.Interfaces.Experiments;

/// <summary>Validation of the analysis fields: guardrails and the sequential test's mixture variance.</summary>
public static partial class ExperimentValidator
{
    private static void Analysis(List<ValidationError> errors, ExperimentDefinition candidate)
    {
        if (candidate.Guardrails.Count > ExperimentLimits.MaxGuardrails)
        {
            errors.Add(new("guardrails", $"has {candidate.Guardrails.Count} entries; at most {ExperimentLimits.MaxGuardrails} are allowed"));
        }

        for (var i = 0; i < candidate.Guardrails.Count; i++)
        {
            var guardrail = candidate.Guardrails[i];
            if (!IsLowercaseIdentifier(guardrail.EventType))
            {
                errors.Add(new($"guardrails[{i}].eventType", LowercaseIdentifierRule));
            }
            else if (guardrail.EventType == candidate.RewardEventType)
            {
                errors.Add(new($"guardrails[{i}].eventType", "is the reward event type; a guardrail must be another metric"));
            }
            else if (candidate.Guardrails.Take(i).Any(g => g.EventType == guardrail.EventType))
            {
                errors.Add(new($"guardrails[{i}].eventType", $"'{guardrail.EventType}' is listed twice"));
            }

            OneOf(errors, $"guardrails[{i}].badDirection", guardrail.BadDirection, GuardrailDirections.All);
        }

        if (candidate.SequentialMixtureVariance is { } tau && !(tau > 0 && double.IsFinite(tau)))
        {
            errors.Add(new("sequentialMixtureVariance", $"is {tau}; it must be a positive number (in squared units of the difference)"));
        }
    }
}
