namespace Grains.Events;

/// <summary>
/// The one timestamp form producers nearly always write, <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> followed by
/// <c>Z</c> or <c>±HH:mm</c>, parsed to the value System.Text.Json gives it (fraction digits past the
/// seventh are dropped, as it drops them). Any other form, and any edge a full parser would have to
/// judge (year 1 or 9999, an offset of 14 hours), is declined, and the caller asks the serializer's parser.
/// </summary>
internal static class IsoTimestamp
{
    private const int MaxFractionDigits = 7;

    /// <summary>True when <paramref name="text"/> is in the plain form; <paramref name="value"/> is then what the serializer reads.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || year is <= 1 or >= 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var at = 19;
        long fraction = 0;
        if (text[at] == '.')
        {
            var digits = 0;
            for (at++; at < text.Length && char.IsAsciiDigit((char)text[at]); at++, digits++)
            {
                if (digits < MaxFractionDigits)
                {
                    fraction = (fraction * 10) + (text[at] - '0');
                }
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < MaxFractionDigits; digits++)
            {
                fraction *= 10;
            }
        }

        if (!TryOffset(text[at..], out var offset))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.Length == 1)
        {
            return text[0] == 'Z';
        }

        if (text.Length != 6 || text[0] is not ((byte)'+' or (byte)'-') || text[3] != ':'
            || !TryDigits(text.Slice(1, 2), out var hours) || !TryDigits(text.Slice(4, 2), out var minutes) || hours >= 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var digit in text)
        {
            if (!char.IsAsciiDigit((char)digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
