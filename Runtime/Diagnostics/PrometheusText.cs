using System.Globalization;
using System.Text;

namespace Runtime.Diagnostics;

/// <summary>Naming, escaping and number formatting rules of the Prometheus text format 0.0.4.</summary>
internal static class PrometheusText
{
    /// <summary>Turns an instrument name such as <c>runtime.events.processed</c> into a valid metric name.</summary>
    public static string MetricName(string instrumentName, string? unit, bool isCounter)
    {
        var name = Sanitize(instrumentName);

        // The unit suffix goes before "_total", so strip a "_total" the instrument already carries
        // instead of producing "x_total_seconds_total".
        if (isCounter && name.EndsWith("_total", StringComparison.Ordinal) && name.Length > "_total".Length)
        {
            name = name[..^"_total".Length];
        }

        var unitSuffix = unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => null,
        };
        if (unitSuffix is not null && !name.EndsWith(unitSuffix, StringComparison.Ordinal))
        {
            name += unitSuffix;
        }

        return isCounter ? name + "_total" : name;
    }

    /// <summary>
    /// Replaces every character outside <c>[a-zA-Z0-9_]</c> and prefixes a leading digit. Colons are
    /// legal in metric names but reserved for recording rules, so exporters must not emit them.
    /// </summary>
    public static string Sanitize(string name)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Renders tags as sorted <c>name="value"</c> pairs. Distinct tag keys that sanitize to the same
    /// label name would make the scrape invalid, so their values are joined with ';' instead.
    /// </summary>
    public static string FormatLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sorted = tags.ToArray();
        Array.Sort(sorted, static (x, y) => string.CompareOrdinal(x.Key, y.Key));

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in sorted)
        {
            var name = Sanitize(tag.Key);
            var value = FormatLabelValue(tag.Value);
            labels[name] = labels.TryGetValue(name, out var existing) ? existing + ";" + value : value;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(name).Append("=\"").Append(EscapeLabelValue(value)).Append('"');
        }

        return builder.ToString();
    }

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text escapes only backslash and newline; a double quote is legal there.</summary>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string FormatDouble(double value)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(FormatDouble(value, buffer));
    }

    public static void WriteDouble(TextWriter writer, double value)
    {
        Span<char> buffer = stackalloc char[32];
        writer.Write(FormatDouble(value, buffer));
    }

    public static void WriteLong(TextWriter writer, long value)
    {
        // TextWriter.Write(long) would use the writer's culture, which a caller's writer may not pin.
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    private static string FormatLabelValue(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => FormatDouble(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static ReadOnlySpan<char> FormatDouble(double value, Span<char> buffer)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        // Shortest round-trippable form; the lower-case exponent matches what Go's client emits
        // ("1e-05"), so "le" values look the same as those of other exporters.
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        var formatted = buffer[..written];
        formatted.Replace('E', 'e');
        return formatted;
    }
}
