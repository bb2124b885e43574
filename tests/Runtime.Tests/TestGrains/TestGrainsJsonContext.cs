using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Tests.TestGrains;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CounterSnapshot))]
[JsonSerializable(typeof(ProbeResult))]
[JsonSerializable(typeof(CounterEvent))]
[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(CounterDelta))]
[JsonSerializable(typeof(TotalSnapshot))]
[JsonSerializable(typeof(TotalState))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
public sealed partial class TestGrainsJsonContext : JsonSerializerContext;
