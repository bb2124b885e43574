using Runtime.Abstractions;

namespace Runtime.Snapshots;

/// <summary>The record key of a grain's snapshot on the compacted snapshots topic: "type/key".</summary>
public static class SnapshotKey
{
    public static string Of(GrainId grain) => grain.Type + "/" + grain.Key;

    /// <summary>Splits a record key; false when it is not of the form "type/key".</summary>
    public static bool TryParse(string text, out GrainId grain)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        grain = slash > 0 && slash < text.Length - 1 ? new GrainId(text[..slash], text[(slash + 1)..]) : default;
        return slash > 0 && slash < text.Length - 1;
    }
}
