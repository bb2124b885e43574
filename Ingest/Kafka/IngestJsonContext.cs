using System.Text.Json.Serialization;
using Ingest.Processing;

namespace Ingest.Kafka;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DeadLetter))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
