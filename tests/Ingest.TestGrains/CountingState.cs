using Ingest.Grains;

namespace Ingest.TestGrains;

[GenerateSerializer, Alias("Ingest.Tests.CountingState")]
public sealed class CountingState
{
    [Id(0)]
    public Dictionary<string, int> Counts { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public IngestProgress Progress { get; set; } = new();

    [Id(2)]
    public CallLocality Locality { get; set; } = new(0, 0);
}
