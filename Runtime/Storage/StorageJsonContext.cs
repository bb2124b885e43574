using System.Text.Json.Serialization;

namespace Runtime.Storage;

/// <summary>
/// Source-generated JSON metadata for what the checkpoint stores keep as JSON, so storage works
/// with trimming and without reflection-based serialization.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
}
