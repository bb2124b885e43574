using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Users;

namespace Grains;

/// <summary>Source-generated JSON metadata for persisted grain state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UserState))]
internal sealed partial class GrainStateJsonContext : JsonSerializerContext;
