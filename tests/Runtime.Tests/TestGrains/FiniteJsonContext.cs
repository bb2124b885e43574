using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Tests.TestGrains;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MeasuredState))]
public sealed partial class FiniteJsonContext : JsonSerializerContext;
