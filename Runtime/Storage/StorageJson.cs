using System.Text.Json;

namespace Runtime.Storage;

/// <summary>Reads and writes the JSON columns of the checkpoint stores (positions, dedupe marks, key lists).</summary>
internal static class StorageJson
{
    public static string SerializeMap(IReadOnlyDictionary<string, long> map)
    {
        ArgumentNullException.ThrowIfNull(map);

        // The generated metadata is for Dictionary; callers may hand us any read-only map.
        var dictionary = map as Dictionary<string, long> ?? new Dictionary<string, long>(map, StringComparer.Ordinal);
        return JsonSerializer.Serialize(dictionary, StorageJsonContext.Default.DictionaryStringInt64);
    }

    /// <summary>Returns a new map on every call, so no caller can see another's changes.</summary>
    public static IReadOnlyDictionary<string, long> DeserializeMap(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, long>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringInt64)
              ?? new Dictionary<string, long>(StringComparer.Ordinal);

    public static string SerializeStrings(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return JsonSerializer.Serialize(values as string[] ?? values.ToArray(), StorageJsonContext.Default.StringArray);
    }
}
