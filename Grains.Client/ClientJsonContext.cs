using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Client;

/// <summary>Source-generated JSON metadata of the client's own wire types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiProblem))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
