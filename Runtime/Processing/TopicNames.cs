namespace Runtime.Processing;

/// <summary>Every topic of a cluster is namespaced by the cluster name, so clusters and test runs never collide.</summary>
public sealed record TopicNames(string Events, string Internal, string DeadLetters)
{
    public static TopicNames For(string cluster) => new($"{cluster}.events", $"{cluster}.internal", $"{cluster}.dead-letters");
}
