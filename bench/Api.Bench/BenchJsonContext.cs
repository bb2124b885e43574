using System.Text.Json;
using System.Text.Json.Serialization;

namespace Api.Bench;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConstantBody))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
