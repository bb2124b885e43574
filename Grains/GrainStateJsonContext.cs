using System.Text.Json;
using System.Text.Json.Serialization;
using Experimentation.Trending;
using Grains.Experiments;
using Grains.Recommendations;
using Grains.Trending;
using Grains.Users;

namespace Grains;

/// <summary>Source-generated JSON metadata for persisted grain state, durable grain messages and published snapshots.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(UserState))]
[JsonSerializable(typeof(ExperimentState))]
[JsonSerializable(typeof(ExperimentSnapshot))]
[JsonSerializable(typeof(ItemStatsState))]
[JsonSerializable(typeof(TrendingSnapshot))]
[JsonSerializable(typeof(ArmCredits))]
[JsonSerializable(typeof(ItemCredits))]
[JsonSerializable(typeof(TrendingDeltas))]
internal sealed partial class GrainStateJsonContext : JsonSerializerContext;
