namespace Storage.Bench;

/// <summary>A grain state that serializes to about 1 KB with Orleans' default grain storage serializer.</summary>
[GenerateSerializer]
[Alias("Storage.Bench.BenchState")]
public sealed class BenchState
{
    [Id(0)]
    public int Sequence { get; set; }

    [Id(1)]
    public string Payload { get; set; } = string.Empty;
}
