using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Grains.Interfaces.Events;

namespace Grains.Events;

/// <summary>
/// The first try: events as producers write them, read byte by byte without a tokenizer. Measured on
/// the benchmark's events, <see cref="Utf8JsonReader"/> alone took 260–450 ns per event, more than
/// the rest of decoding and validation together. Anything this path does not know (an escape, a
/// comment, a number in a string) sends the whole record to <see cref="Read"/>.
/// </summary>
internal static partial class InteractionEventReader
{
    /// <summary>
    /// False when the input is not in the plain form. True when it was read: <paramref name="read"/> is
    /// then the event, or null when a required field is missing, which the full reader would find too.
    /// </summary>
    private static bool TryReadPlain(ReadOnlySpan<byte> json, out InteractionEvent? read)
    {
        read = null;
        var cursor = new PlainJsonCursor(json);
        if (!cursor.TryTake((byte)'{'))
        {
            return false;
        }

        var fields = default(Fields);
        do
        {
            if (!cursor.TryString(out var name))
            {
                return false;
            }

            var field = FieldOf(name);
            if (!fields.TryMark(field) || !cursor.TryTake((byte)':'))
            {
                return false;
            }

            var ok = field switch
            {
                EventIdField => TryText(ref cursor, optional: false, out fields.EventId),
                UserIdField => TryText(ref cursor, optional: false, out fields.UserId),
                TypeField => TryRepeated(ref cursor, optional: false, out fields.Type),
                TimestampField => TryTimestamp(ref cursor, out fields.Timestamp),
                SessionIdField => TryText(ref cursor, optional: true, out fields.SessionId),
                ItemIdField => TryRepeated(ref cursor, optional: true, out fields.ItemId),
                CategoryField => TryRepeated(ref cursor, optional: true, out fields.Category),
                DeviceField => TryRepeated(ref cursor, optional: true, out fields.Device),
                LocationField => TryRepeated(ref cursor, optional: true, out fields.Location),
                ValueField => TryNumber(ref cursor, out fields.Value),
                _ => TryProperties(ref cursor, out fields.Properties),
            };
            if (!ok)
            {
                return false;
            }
        }
        while (cursor.TryTake((byte)','));

        if (!cursor.TryTake((byte)'}') || !cursor.AtEnd)
        {
            return false;
        }

        // A missing required field: the serializer reports it.
        read = fields.ToEvent();
        return true;
    }

    /// <summary>A string, or JSON null where <paramref name="optional"/>; invalid UTF-8 is left to the full reader.</summary>
    private static bool TryText(ref PlainJsonCursor cursor, bool optional, out string? text)
    {
        text = null;
        if (optional && cursor.TryNull())
        {
            return true;
        }

        if (!cursor.TryString(out var utf8) || !Utf8.IsValid(utf8))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(utf8);
        return true;
    }

    private static bool TryRepeated(ref PlainJsonCursor cursor, bool optional, out string? text)
    {
        text = null;
        if (optional && cursor.TryNull())
        {
            return true;
        }

        text = cursor.TryString(out var utf8) ? Repeated.GetString(utf8) : null;
        return text is not null;
    }

    /// <summary>The usual form parsed here; any other by the serializer's own ISO-8601 reader, over just the quoted value.</summary>
    private static bool TryTimestamp(ref PlainJsonCursor cursor, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (!cursor.TryQuoted(out var quoted))
        {
            return false;
        }

        if (IsoTimestamp.TryParse(quoted[1..^1], out timestamp))
        {
            return true;
        }

        var reader = new Utf8JsonReader(quoted);
        return reader.Read() && reader.TryGetDateTimeOffset(out timestamp);
    }

    private static bool TryNumber(ref PlainJsonCursor cursor, out double? value)
    {
        value = null;
        if (cursor.TryNull())
        {
            return true;
        }

        if (!cursor.TryNumber(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>A flat object of string values with distinct keys, or null.</summary>
    private static bool TryProperties(ref PlainJsonCursor cursor, out Dictionary<string, string>? properties)
    {
        properties = null;
        if (cursor.TryNull())
        {
            return true;
        }

        if (!cursor.TryTake((byte)'{'))
        {
            return false;
        }

        var read = new Dictionary<string, string>();
        if (!cursor.TryTake((byte)'}'))
        {
            do
            {
                if (!TryText(ref cursor, optional: false, out var key) || !cursor.TryTake((byte)':')
                    || !TryText(ref cursor, optional: false, out var text) || !read.TryAdd(key!, text!))
                {
                    return false;
                }
            }
            while (cursor.TryTake((byte)','));

            if (!cursor.TryTake((byte)'}'))
            {
                return false;
            }
        }

        properties = read;
        return true;
    }
}
