using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Bench.Counter;

/// <summary>Source-generated JSON for the counter grain's state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CounterState))]
internal sealed partial class CounterJsonContext : JsonSerializerContext;
