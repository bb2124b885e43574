namespace Runtime.Hosting;

/// <summary>The <c>Cluster</c> section: the name that namespaces topics, the consumer group and stored rows.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Lowercase letters, digits, '.', '_' and '-'; at most 64 characters.</summary>
    public string Name { get; set; } = "default";
}
