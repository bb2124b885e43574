using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Processing;

/// <summary>Source-generated JSON metadata for the runtime's own records.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(List<Activation.OutboxEntry>))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
