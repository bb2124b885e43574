using System.Globalization;

namespace Runtime.Storage.Sqlite;

/// <summary>
/// Timestamps as ISO-8601 UTC text with microseconds: readable in the sqlite3 shell, ordered when
/// sorted as text, and as precise as PostgreSQL's timestamptz so both stores return equal values.
/// </summary>
internal static class SqliteTimestamp
{
    // The "f" specifiers truncate rather than round, as Npgsql does when it sends microseconds.
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
