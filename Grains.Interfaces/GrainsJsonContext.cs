using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Users;

namespace Grains.Interfaces;

/// <summary>Source-generated JSON metadata for every contract type: events, grain call arguments and results.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ExperimentDefinition))]
[JsonSerializable(typeof(List<ExperimentDefinition>))]
[JsonSerializable(typeof(InteractionEvent))]
[JsonSerializable(typeof(InteractionEvent[]))]
[JsonSerializable(typeof(UserFeatures))]
[JsonSerializable(typeof(Decisions.DecisionRequest))]
[JsonSerializable(typeof(Decisions.DecisionResponse))]
[JsonSerializable(typeof(Recommendations.RecommendRequest))]
[JsonSerializable(typeof(Recommendations.RecommendResponse))]
[JsonSerializable(typeof(Experiments.ExperimentResults))]
[JsonSerializable(typeof(Experiments.SampleSizePlan))]
[JsonSerializable(typeof(Recommendations.ItemStats))]
[JsonSerializable(typeof(List<Trending.TrendingEntry>))]
[JsonSerializable(typeof(Trending.TrendingResponse))]
[JsonSerializable(typeof(ValidationError))]
[JsonSerializable(typeof(EventsAccepted))]
[JsonSerializable(typeof(Cluster.ClusterStatus))]
public sealed partial class GrainsJsonContext : JsonSerializerContext;
