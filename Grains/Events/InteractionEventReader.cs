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
/// single cost per event.
/// </summary>
internal static class InteractionEventReader
{
    private const int EventIdField = 0;
    private const int UserIdField = 1;
    private const int TypeField = 2;
    private const int TimestampField = 3;
    private const int SessionIdField = 4;
    private const int ItemIdField = 5;
    private const int CategoryField = 6;
    private const int ValueField = 7;
    private const int DeviceField = 8;
    private const int LocationField = 9;
    private const int PropertiesField = 10;
    private const int RequiredFields = (1 << EventIdField) | (1 << UserIdField) | (1 << TypeField) | (1 << TimestampField);

    // Shared by every partition's loop; values that repeat across events come back as the same string.
    private static readonly Utf8StringCache Repeated = new(4096);

    /// <summary>The event, or null when the serializer must decide (unusual shape or invalid JSON).</summary>
    public static InteractionEvent? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            return Read(json);
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

        string? eventId = null, userId = null, type = null, sessionId = null, itemId = null, category = null, device = null, location = null;
        DateTimeOffset timestamp = default;
        double? value = null;
        Dictionary<string, string>? properties = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Escaped or differently cased names are matched by the serializer's own rules.
            var field = reader.ValueIsEscaped ? -1 : FieldOf(reader.ValueSpan);
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= 1 << field;
            var ok = field switch
            {
                EventIdField => TryString(ref reader, out eventId),
                UserIdField => TryString(ref reader, out userId),
                TypeField => TryRepeated(ref reader, out type),
                TimestampField => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out timestamp),
                SessionIdField => TryOptionalString(ref reader, out sessionId),
                ItemIdField => TryOptionalRepeated(ref reader, out itemId),
                CategoryField => TryOptionalRepeated(ref reader, out category),
                DeviceField => TryOptionalRepeated(ref reader, out device),
                LocationField => TryOptionalRepeated(ref reader, out location),
                ValueField => TryNumber(ref reader, out value),
                _ => TryProperties(ref reader, out properties),
            };
            if (!ok)
            {
                return null;
            }
        }

        // A missing required field or trailing content: the serializer reports it. Read throws on trailing garbage.
        if (reader.TokenType != JsonTokenType.EndObject || (seen & RequiredFields) != RequiredFields || reader.Read())
        {
            return null;
        }

        return new InteractionEvent
        {
            EventId = eventId!,
            UserId = userId!,
            Type = type!,
            Timestamp = timestamp,
            SessionId = sessionId,
            ItemId = itemId,
            Category = category,
            Value = value,
            Device = device,
            Location = location,
            Properties = properties,
        };
    }

    private static int FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("type"u8) => TypeField,
        5 when name.SequenceEqual("value"u8) => ValueField,
        6 when name.SequenceEqual("itemId"u8) => ItemIdField,
        6 when name.SequenceEqual("userId"u8) => UserIdField,
        6 when name.SequenceEqual("device"u8) => DeviceField,
        7 when name.SequenceEqual("eventId"u8) => EventIdField,
        8 when name.SequenceEqual("category"u8) => CategoryField,
        8 when name.SequenceEqual("location"u8) => LocationField,
        9 when name.SequenceEqual("timestamp"u8) => TimestampField,
        9 when name.SequenceEqual("sessionId"u8) => SessionIdField,
        10 when name.SequenceEqual("properties"u8) => PropertiesField,
        _ => -1,
    };

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
