using Grains.Interfaces.Events;

namespace Grains.Interfaces.Experiments;

/// <summary>
/// Validates an <see cref="ExperimentDefinition"/> the same way at the HTTP edge and in the silo. Errors name
/// the field by path (<c>variants[2].weight</c>) and say which rule failed.
/// </summary>
/// <remarks>
/// Bandit variants must not carry weights: the split is learned, and a weight that is silently ignored would
/// suggest a control over traffic the caller does not have.
/// </remarks>
public static partial class ExperimentValidator
{
    private static readonly string IdRule = $"must be 1-{EventLimits.MaxIdLength} characters of letters, digits and - _ . : @";

    private static readonly string LowercaseIdentifierRule =
        $"must be a lowercase identifier of at most {ExperimentLimits.MaxNameLength} characters (a-z, 0-9, _), starting with a letter";

    private static readonly string NameRule =
        $"must be 1-{ExperimentLimits.MaxNameLength} characters of letters, digits and - _ . : @";

    /// <summary>Every problem with <paramref name="candidate"/>; empty when it is valid.</summary>
    /// <param name="candidate">The definition as received.</param>
    /// <param name="routeId">The id in the request path, which the body's id must equal; null when there is none.</param>
    public static IReadOnlyList<ValidationError> Validate(ExperimentDefinition candidate, string? routeId = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var errors = new List<ValidationError>();
        if (string.IsNullOrEmpty(candidate.Id))
        {
            errors.Add(new("id", "is required"));
        }
        else if (!EventValidator.IsValidId(candidate.Id))
        {
            errors.Add(new("id", IdRule));
        }
        else if (routeId is not null && !string.Equals(routeId, candidate.Id, StringComparison.Ordinal))
        {
            errors.Add(new("id", $"is '{candidate.Id}' but the path names '{routeId}'; they must be the same"));
        }

        OneOf(errors, "type", candidate.Type, ExperimentTypes.All);
        Variants(errors, candidate);
        if (!string.IsNullOrEmpty(candidate.Salt) && !EventValidator.IsValidId(candidate.Salt))
        {
            errors.Add(new("salt", IdRule));
        }

        Share(errors, "trafficAllocation", candidate.TrafficAllocation);
        Share(errors, "holdout", candidate.Holdout);
        Layer(errors, candidate.Layer);
        Targeting(errors, candidate.Targeting);
        if (string.IsNullOrEmpty(candidate.RewardEventType))
        {
            errors.Add(new("rewardEventType", "is required"));
        }
        else if (!IsLowercaseIdentifier(candidate.RewardEventType))
        {
            errors.Add(new("rewardEventType", LowercaseIdentifierRule));
        }

        OneOf(errors, "rewardKind", candidate.RewardKind, RewardKinds.All);
        var maxWindow = (long)ExperimentLimits.MaxAttributionWindow.TotalSeconds;
        if (candidate.AttributionWindowSeconds <= 0 || candidate.AttributionWindowSeconds > maxWindow)
        {
            errors.Add(new("attributionWindowSeconds", $"is {candidate.AttributionWindowSeconds}; it must lie in 1..{maxWindow} (30 days)"));
        }

        Bandit(errors, candidate);
        Analysis(errors, candidate);
        OneOf(errors, "status", candidate.Status, ExperimentStatuses.All);
        return errors;
    }

    /// <summary>Variant names and reward event types: the lowercase identifiers events use for their type.</summary>
    public static bool IsLowercaseIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= ExperimentLimits.MaxNameLength && EventValidator.IsLowercaseIdentifier(name);

    /// <summary>Layer names, targeting attributes and segment keys: ids of at most 64 characters.</summary>
    public static bool IsValidName(string? name) => EventValidator.IsValidId(name) && name!.Length <= ExperimentLimits.MaxNameLength;

    private static void OneOf(List<ValidationError> errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(field, $"is required (one of: {string.Join(", ", allowed)})"));
        }
        else if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(new(field, $"'{value}' is not one of: {string.Join(", ", allowed)}"));
        }
    }

    private static void Share(List<ValidationError> errors, string field, double share)
    {
        if (!(share is >= 0 and <= 1))
        {
            errors.Add(new(field, $"is {share}; it must lie in [0, 1]"));
        }
    }

    private static void Layer(List<ValidationError> errors, LayerAllocation? layer)
    {
        if (layer is null)
        {
            return;
        }

        if (!IsValidName(layer.Name))
        {
            errors.Add(new("layer.name", string.IsNullOrEmpty(layer.Name) ? "is required" : NameRule));
        }

        if (layer.Start < 0 || layer.Start >= LayerAllocation.BucketCount)
        {
            errors.Add(new("layer.start", $"is {layer.Start}; it must lie in 0..{LayerAllocation.BucketCount - 1}"));
        }

        if (layer.End <= layer.Start || layer.End > LayerAllocation.BucketCount)
        {
            errors.Add(new("layer.end", $"is {layer.End}; it must be above start ({layer.Start}) and at most {LayerAllocation.BucketCount}"));
        }
    }
}
