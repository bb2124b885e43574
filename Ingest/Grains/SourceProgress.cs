namespace Ingest.Grains;

/// <summary>A grain's progress in one source partition: the last offset applied and its uncommitted messages.</summary>
[GenerateSerializer, Alias("Ingest.SourceProgress")]
public sealed class SourceProgress
{
    [Id(0)]
    public long LastOffset { get; set; } = -1;

    [Id(1)]
    public List<PendingMessages> Pending { get; set; } = [];
}
