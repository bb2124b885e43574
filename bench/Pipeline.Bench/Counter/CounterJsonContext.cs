using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Bench.Counter;

/// <summary>Source-generated JSON for the counter grain's state and its call result.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(long))]
internal sealed partial class CounterJsonContext : JsonSerializerContext;
