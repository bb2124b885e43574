using System.Text.Json;
using Grains.Interfaces.Events;

namespace Grains.Events;

/// <summary>
/// A hand-written reader for the usual shape of an <see cref="InteractionEvent"/>: exact camelCase
/// names, each at most once, all required fields present, values of their natural JSON types. It
/// returns null for anything else (malformed JSON included) and the caller then asks the serializer,
/// so every rejection keeps the serializer's wording and every accepted event is the object the
/// serializer would have built. Measured on the silo pipeline, the serializer's metadata-driven path
/// (the init-only record goes through its parameterized-constructor converter) was the largest
/// single cost per event. Plain input (no escapes) is read without a tokenizer
/// (<c>InteractionEventReader.Plain.cs</c>); the rest goes through <see cref="Utf8JsonReader"/> here.
/// </summary>
internal static partial class InteractionEventReader
{
    // Shared by every partition's loop; values that repeat across events come back as the same string.
    private static readonly Utf8StringCache Repeated = new(4096);

    /// <summary>The event, or null when the serializer must decide (unusual shape or invalid JSON).</summary>
    public static InteractionEvent? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            return TryReadPlain(json, out var plain) ? plain : Read(json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on a string that is not valid UTF-8.
            return null;
        }
    }

    private static InteractionEvent? Read(ReadOnlySpan<byte> json)
    {
        // Default reader options are the serializer's: no comments, no trailing commas, depth 64.
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var fields = default(Fields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Escaped or differently cased names are matched by the serializer's own rules.
            var field = reader.ValueIsEscaped ? -1 : FieldOf(reader.ValueSpan);
            if (!fields.TryMark(field) || !reader.Read())
            {
                return null;
            }

            var ok = field switch
            {
                EventIdField => TryString(ref reader, out fields.EventId),
                UserIdField => TryString(ref reader, out fields.UserId),
                TypeField => TryRepeated(ref reader, out fields.Type),
                TimestampField => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out fields.Timestamp),
                SessionIdField => TryOptionalString(ref reader, out fields.SessionId),
                ItemIdField => TryOptionalRepeated(ref reader, out fields.ItemId),
                CategoryField => TryOptionalRepeated(ref reader, out fields.Category),
                DeviceField => TryOptionalRepeated(ref reader, out fields.Device),
                LocationField => TryOptionalRepeated(ref reader, out fields.Location),
                ValueField => TryNumber(ref reader, out fields.Value),
                _ => TryProperties(ref reader, out fields.Properties),
            };
            if (!ok)
            {
                return null;
            }
        }

        // A missing required field or trailing content: the serializer reports it. Read throws on trailing garbage.
        return reader.TokenType != JsonTokenType.EndObject || reader.Read() ? null : fields.ToEvent();
    }

    /// <summary>A required string: JSON null is left to the serializer, which keeps its own rules for it.</summary>
    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryOptionalString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.Null || TryString(ref reader, out value);
    }

    private static bool TryRepeated(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? Repeated.GetString(ref reader) : null;
        return value is not null;
    }

    private static bool TryOptionalRepeated(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.Null || TryRepeated(ref reader, out value);
    }

    private static bool TryNumber(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        // Numbers in strings (which the web defaults accept) are left to the serializer.
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>A flat object of string values with distinct, unescaped keys; anything else goes to the serializer.</summary>
    private static bool TryProperties(ref Utf8JsonReader reader, out Dictionary<string, string>? properties)
    {
        properties = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var read = new Dictionary<string, string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            if (!reader.Read() || !TryString(ref reader, out var text) || !read.TryAdd(key, text!))
            {
                return false;
            }
        }

        properties = read;
        return reader.TokenType == JsonTokenType.EndObject;
    }
}
