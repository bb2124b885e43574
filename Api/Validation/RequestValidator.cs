using Grains.Experiments;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Recommendations;

namespace Api.Validation;

/// <summary>Validates request bodies before any grain is called; errors name each field by its JSON path.</summary>
public static class RequestValidator
{
    /// <summary>Event types the server writes itself; accepting them from outside would forge decisions.</summary>
    public static readonly IReadOnlyList<string> ReservedEventTypes = [ExposureProperties.ExposureType, ExposureProperties.ImpressionType];

    private static readonly string IdRule = $"must be 1-{EventLimits.MaxIdLength} characters of letters, digits and - _ . : @";

    public static IReadOnlyList<ValidationError> Events(IReadOnlyList<InteractionEvent?> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var errors = new List<ValidationError>();
        if (events.Count is 0 or > ApiLimits.MaxEventsPerBatch)
        {
            errors.Add(new("body", $"holds {events.Count} events; a batch holds 1 to {ApiLimits.MaxEventsPerBatch}"));
            return errors;
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not { } candidate)
            {
                errors.Add(new($"[{i}]", "is null; an event object is required"));
                continue;
            }

            errors.AddRange(EventValidator.Validate(candidate, now).Select(error => error with { Field = $"[{i}].{error.Field}" }));
            if (ReservedEventTypes.Contains(candidate.Type, StringComparer.Ordinal))
            {
                errors.Add(new($"[{i}].type", $"'{candidate.Type}' is reserved: the server logs exposures and impressions itself on /v1/decide and /v1/recommend"));
            }
        }

        return errors;
    }

    public static IReadOnlyList<ValidationError> Decision(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        UserId(errors, request.UserId);
        IdList(errors, "experiments", request.Experiments, ApiLimits.MaxExperimentsPerDecision);
        Context(errors, request.Context);
        return errors;
    }

    public static IReadOnlyList<ValidationError> Recommendation(RecommendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        UserId(errors, request.UserId);
        if (request.K is < 1 or > ApiLimits.MaxRecommendations)
        {
            errors.Add(new("k", $"is {request.K}; it must lie in 1..{ApiLimits.MaxRecommendations}"));
        }

        IdList(errors, "candidates", request.Candidates, ApiLimits.MaxCandidates);
        Context(errors, request.Context);
        return errors;
    }

    private static void UserId(List<ValidationError> errors, string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            errors.Add(new("userId", "is required"));
        }
        else if (!EventValidator.IsValidId(userId))
        {
            errors.Add(new("userId", IdRule));
        }
    }

    private static void IdList(List<ValidationError> errors, string field, List<string>? ids, int max)
    {
        if (ids is null)
        {
            return;
        }

        if (ids.Count > max)
        {
            errors.Add(new(field, $"has {ids.Count} entries; at most {max} are allowed"));
            return;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (!EventValidator.IsValidId(ids[i]))
            {
                errors.Add(new($"{field}[{i}]", IdRule));
            }
        }
    }

    private static void Context(List<ValidationError> errors, Dictionary<string, string>? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.Count > ApiLimits.MaxContextEntries)
        {
            errors.Add(new("context", $"has {context.Count} entries; at most {ApiLimits.MaxContextEntries} are allowed"));
            return;
        }

        foreach (var (key, value) in context)
        {
            if (!ExperimentValidator.IsValidName(key))
            {
                errors.Add(new($"context.{key}", $"the key must be 1-{ExperimentLimits.MaxNameLength} characters of letters, digits and - _ . : @"));
            }
            else if (value is null || value.Length > ApiLimits.MaxContextValueLength)
            {
                errors.Add(new($"context.{key}", $"the value must be a string of at most {ApiLimits.MaxContextValueLength} characters"));
            }
        }
    }
}
