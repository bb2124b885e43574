using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Abstractions.Remoting;

/// <summary>Source-generated JSON metadata for the remoting envelope types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GrainCallProblem))]
public sealed partial class RemotingJsonContext : JsonSerializerContext;
