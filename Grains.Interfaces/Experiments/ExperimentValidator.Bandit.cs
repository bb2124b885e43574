using Grains.Interfaces.Events;

namespace Grains.Interfaces.Experiments;

public static partial class ExperimentValidator
{
    private static void Bandit(List<ValidationError> errors, ExperimentDefinition candidate)
    {
        if (candidate.Bandit is not { } bandit)
        {
            return;
        }

        if (candidate.Type != ExperimentTypes.Bandit)
        {
            errors.Add(new("bandit", "is only allowed for bandit experiments"));
            return;
        }

        if (bandit.Prior is { } prior)
        {
            PriorParameter(errors, "bandit.prior.alpha", prior.Alpha);
            PriorParameter(errors, "bandit.prior.beta", prior.Beta);
            PriorParameter(errors, "bandit.prior.kappa", prior.Kappa);
            if (prior.Mean is { } mean && !double.IsFinite(mean))
            {
                errors.Add(new("bandit.prior.mean", "must be a finite number"));
            }
        }

        if (bandit.BurnInTrials is { } burnIn && burnIn is < 0 or > ExperimentLimits.MaxBurnInTrials)
        {
            errors.Add(new("bandit.burnInTrials", $"is {burnIn}; it must lie in 0..{ExperimentLimits.MaxBurnInTrials}"));
        }

        if (bandit.MinExplorationShare is { } exploration)
        {
            Share(errors, "bandit.minExplorationShare", exploration);
        }

        var minHalfLife = (long)ExperimentLimits.MinDiscountHalfLife.TotalSeconds;
        var maxHalfLife = (long)ExperimentLimits.MaxDiscountHalfLife.TotalSeconds;
        if (bandit.DiscountHalfLifeSeconds is { } halfLife && (halfLife < minHalfLife || halfLife > maxHalfLife))
        {
            errors.Add(new("bandit.discountHalfLifeSeconds", $"is {halfLife}; it must lie in {minHalfLife}..{maxHalfLife} (1 minute to 365 days)"));
        }

        SegmentKeys(errors, bandit.SegmentBy);
    }

    private static void PriorParameter(List<ValidationError> errors, string field, double? value)
    {
        if (value is { } v && !(v > 0 && v <= ExperimentLimits.MaxPriorParameter))
        {
            errors.Add(new(field, $"is {v}; it must be above 0 and at most {ExperimentLimits.MaxPriorParameter}"));
        }
    }

    private static void SegmentKeys(List<ValidationError> errors, List<string>? keys)
    {
        if (keys is null)
        {
            return;
        }

        if (keys.Count > ExperimentLimits.MaxSegmentKeys)
        {
            errors.Add(new("bandit.segmentBy", $"has {keys.Count} keys; at most {ExperimentLimits.MaxSegmentKeys} are allowed"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!IsValidName(keys[i]))
            {
                errors.Add(new($"bandit.segmentBy[{i}]", NameRule));
            }
            else if (!seen.Add(keys[i]))
            {
                errors.Add(new($"bandit.segmentBy[{i}]", $"'{keys[i]}' is listed twice"));
            }
        }
    }
}
