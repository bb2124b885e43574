namespace Runtime.Processing;

/// <summary>Every topic of a cluster is namespaced by the cluster name, so clusters and test runs never collide.</summary>
/// <param name="Events">The input events, keyed by grain key.</param>
/// <param name="Internal">Re-routed events and durable grain messages, co-partitioned with <paramref name="Events"/>.</param>
/// <param name="DeadLetters">Records that could not be decoded or applied, with the reason.</param>
/// <param name="Snapshots">Compacted: the latest published snapshot of each grain that publishes one, read by every silo.</param>
public sealed record TopicNames(string Events, string Internal, string DeadLetters, string Snapshots)
{
    public static TopicNames For(string cluster) =>
        new($"{cluster}.events", $"{cluster}.internal", $"{cluster}.dead-letters", $"{cluster}.snapshots");
}
