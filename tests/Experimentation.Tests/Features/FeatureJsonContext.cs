using System.Text.Json;
using System.Text.Json.Serialization;
using Experimentation.Features;

namespace Experimentation.Tests.Features;

/// <summary>Source-generated, Web defaults: the way the grains' state context serializes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserFeatureData))]
[JsonSerializable(typeof(UserFeatureView))]
internal sealed partial class FeatureJsonContext : JsonSerializerContext;
