using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Validation;

/// <summary>Turns field errors into a 400 problem+json whose <c>errors</c> map each field to its reasons.</summary>
public static class ApiValidation
{
    public static ValidationProblem Problem(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byField = errors.GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Reason).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField, detail: string.Join("; ", byField.Select(pair => $"{pair.Key}: {string.Join(", ", pair.Value)}")), title: "The request is invalid");
    }

    /// <summary>A 400 for one invalid id in the path, or null when it is valid.</summary>
    public static ValidationProblem? PathId(string field, string id) =>
        EventValidator.IsValidId(id) ? null : Problem([new ValidationError(field, $"must be 1-{EventLimits.MaxIdLength} characters of letters, digits and - _ . : @")]);
}
