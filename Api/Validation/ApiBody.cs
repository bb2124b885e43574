using System.Buffers;
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
    // A decide is about 100 bytes, an event a few hundred; a batch of events goes through the stream deserializer.
    private const int SmallBodyBytes = 16 * 1024;

    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiValidation.Problem([new ValidationError("body", "must be JSON (Content-Type: application/json)")]));
        }

        try
        {
            var value = request.ContentLength is > 0 and <= SmallBodyBytes
                ? await ReadSmallAsync(request, type).ConfigureAwait(false)
                : await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted).ConfigureAwait(false);
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

    /// <summary>
    /// Parses a small body once it is all in the request pipe, without the resumable state machine of
    /// the stream deserializer, which costs a decide more than its own parsing. A large body is left to
    /// the stream deserializer: holding it whole would stall the pipe beyond Kestrel's request buffer.
    /// </summary>
    private static async Task<T?> ReadSmallAsync<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        var pipe = request.BodyReader;
        var read = await pipe.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        while (!read.IsCompleted)
        {
            pipe.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            read = await pipe.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        try
        {
            return Parse(read.Buffer, type);
        }
        catch (JsonException)
        {
            // The stream deserializer names the field where a truncated body stops ([0].eventId); the
            // one-shot reader does not. Errors are rare, so the body is read again the other way.
            using var replay = new MemoryStream(read.Buffer.ToArray(), writable: false);
            if (await JsonSerializer.DeserializeAsync(replay, type, request.HttpContext.RequestAborted).ConfigureAwait(false) is null)
            {
                return null;
            }

            throw;
        }
        finally
        {
            pipe.AdvanceTo(read.Buffer.End);
        }
    }

    private static T? Parse<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> type)
    {
        var options = type.Options;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = options.AllowTrailingCommas, CommentHandling = options.ReadCommentHandling, MaxDepth = options.MaxDepth });
        var value = JsonSerializer.Deserialize(ref reader, type);

        // The stream deserializer rejects anything after the value; so does this one.
        return reader.Read() ? throw new JsonException("The body holds more than one JSON value.") : value;
    }
}
