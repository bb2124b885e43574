using Ingest.Grains;

namespace Ingest.TestGrains;

[GenerateSerializer, Alias("Ingest.Tests.CreditState")]
public sealed class CreditState
{
    /// <summary>Credits applied, by event id.</summary>
    [Id(0)]
    public Dictionary<string, int> Applied { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Items received, repeats included: shows that a redelivery happened.</summary>
    [Id(1)]
    public int Received { get; set; }

    [Id(2)]
    public SequenceMarks Marks { get; set; } = new();
}
