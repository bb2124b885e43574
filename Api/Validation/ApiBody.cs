using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Validation;

/// <summary>
/// Reads a JSON body with source-generated metadata. Malformed JSON answers 400 naming the field where
/// reading stopped (<c>[3].timestamp</c>), which model binding would not say.
/// </summary>
internal static class ApiBody
{
    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiValidation.Problem([new ValidationError("body", "must be JSON (Content-Type: application/json)")]));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null ? (null, ApiValidation.Problem([new ValidationError("body", "is required")])) : (value, null);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$').TrimStart('.');
            // The serializer's message names CLR types; the caller only needs the place and the kind of mistake.
            var reason = exception.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "has a value of the wrong type or format"
                : "is not well-formed JSON";
            return (null, ApiValidation.Problem([new ValidationError(field, reason)]));
        }
    }
}
