using System.Text.Json;
using System.Text.Json.Serialization;
using Experimentation.Trending;

namespace Experimentation.Tests.Trending;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TrendingSnapshot))]
[JsonSerializable(typeof(TrendingDelta[]))]
internal sealed partial class TrendingJsonContext : JsonSerializerContext;
