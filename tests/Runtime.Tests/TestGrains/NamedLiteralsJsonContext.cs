using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Tests.TestGrains;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(MeasuredState))]
public sealed partial class NamedLiteralsJsonContext : JsonSerializerContext;
