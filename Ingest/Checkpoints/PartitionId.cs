namespace Ingest.Checkpoints;

/// <summary>One source partition of one cluster: the key of its checkpoint row and outbox.</summary>
public readonly record struct PartitionId(string Cluster, string Topic, int Partition)
{
    /// <summary>The source name grains key their per-partition offsets and sequence marks by.</summary>
    public string Source => $"{Topic}/{Partition}";

    public override string ToString() => $"{Cluster}:{Topic}[{Partition}]";
}
