using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Cluster;
using Dashboard.Experiments;
using Dashboard.History;
using Grains.Interfaces.Users;

namespace Dashboard;

/// <summary>Source-generated JSON for every body the dashboard's endpoints answer with.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Access.AccessReport))]
[JsonSerializable(typeof(ClusterReport))]
[JsonSerializable(typeof(SiloReport))]
[JsonSerializable(typeof(HistoryReport))]
[JsonSerializable(typeof(List<ExperimentSummary>))]
[JsonSerializable(typeof(ExperimentDetail))]
[JsonSerializable(typeof(UserFeatures))]
public sealed partial class DashboardJsonContext : JsonSerializerContext;
