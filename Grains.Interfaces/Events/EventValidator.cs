using System.Buffers;

namespace Grains.Interfaces.Events;

/// <summary>
/// Validates an <see cref="InteractionEvent"/> the same way at the HTTP edge and in the silo, so a
/// record is rejected with the same reasons wherever it enters.
/// </summary>
public static class EventValidator
{
    // Every event validates several ids: a vectorised set test instead of a LINQ predicate per character.
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:@");

    private static readonly SearchValues<char> IdentifierCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>Every problem with <paramref name="candidate"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(InteractionEvent candidate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);

        // Nearly every event is valid: the list is created by the first error, not for every event.
        List<ValidationError>? errors = null;
        Id(ref errors, "eventId", candidate.EventId);
        Id(ref errors, "userId", candidate.UserId);
        if (string.IsNullOrEmpty(candidate.Type))
        {
            Add(ref errors, new("type", "is required"));
        }
        else if (!IsIdentifier(candidate.Type))
        {
            Add(ref errors, new("type", $"must be a lowercase identifier of at most {EventLimits.MaxTypeLength} characters (a-z, 0-9, _), starting with a letter"));
        }

        if (candidate.Timestamp == default)
        {
            Add(ref errors, new("timestamp", "is required (ISO-8601, for example 2026-01-31T12:00:00Z)"));
        }
        else if (candidate.Timestamp > now + EventLimits.MaxFutureSkew)
        {
            Add(ref errors, new("timestamp", $"is more than {EventLimits.MaxFutureSkew.TotalMinutes:0} minutes in the future"));
        }

        OptionalId(ref errors, "sessionId", candidate.SessionId);
        OptionalId(ref errors, "itemId", candidate.ItemId);
        Text(ref errors, "category", candidate.Category);
        Text(ref errors, "device", candidate.Device);
        Text(ref errors, "location", candidate.Location);
        if (candidate.Value is { } value && (double.IsNaN(value) || double.IsInfinity(value)))
        {
            Add(ref errors, new("value", "must be a finite number"));
        }

        if (candidate.Properties is { } properties)
        {
            if (properties.Count > EventLimits.MaxProperties)
            {
                Add(ref errors, new("properties", $"has {properties.Count} entries; at most {EventLimits.MaxProperties} are allowed"));
            }

            foreach (var (key, text) in properties)
            {
                if (key.Length is 0 or > EventLimits.MaxTypeLength || (text?.Length ?? 0) > EventLimits.MaxTextLength)
                {
                    Add(ref errors, new($"properties.{key}", $"keys must be 1-{EventLimits.MaxTypeLength} characters and values at most {EventLimits.MaxTextLength}"));
                }
            }
        }

        return errors ?? (IReadOnlyList<ValidationError>)[];
    }

    /// <summary>Ids are 1-128 characters of letters, digits and <c>-_.:@</c>, so they are safe in URLs and logs.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= EventLimits.MaxIdLength && !id.AsSpan().ContainsAnyExcept(IdCharacters);

    /// <summary>Lowercase identifiers (event types, variant names): a lowercase letter, then lowercase letters, digits and <c>_</c>.</summary>
    public static bool IsLowercaseIdentifier(ReadOnlySpan<char> text) =>
        !text.IsEmpty && char.IsAsciiLetterLower(text[0]) && !text.ContainsAnyExcept(IdentifierCharacters);

    private static bool IsIdentifier(string type) => type.Length <= EventLimits.MaxTypeLength && IsLowercaseIdentifier(type);

    private static void Id(ref List<ValidationError>? errors, string field, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            Add(ref errors, new(field, "is required"));
        }
        else
        {
            OptionalId(ref errors, field, id);
        }
    }

    private static void OptionalId(ref List<ValidationError>? errors, string field, string? id)
    {
        if (id is null)
        {
            return;
        }

        if (id.Length > EventLimits.MaxIdLength)
        {
            Add(ref errors, new(field, $"is {id.Length} characters long; at most {EventLimits.MaxIdLength} are allowed"));
        }
        else if (!IsValidId(id))
        {
            Add(ref errors, new(field, "may contain only letters, digits and - _ . : @"));
        }
    }

    private static void Text(ref List<ValidationError>? errors, string field, string? text)
    {
        if (text is not null && text.Length > EventLimits.MaxTextLength)
        {
            Add(ref errors, new(field, $"is {text.Length} characters long; at most {EventLimits.MaxTextLength} are allowed"));
        }
    }

    private static void Add(ref List<ValidationError>? errors, ValidationError error) => (errors ??= []).Add(error);
}
