namespace Ingest.Processing;

/// <summary>The <c>Ingest</c> configuration section: what is consumed and how processors batch.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Scopes checkpoints, the consumer group and the dead-letter topic. Defaults to <c>Cluster:Name</c>.</summary>
    public string ClusterName { get; set; } = "";

    /// <summary>The topic whose records reach the grains.</summary>
    public string Topic { get; set; } = "events";

    /// <summary>Records per batch at most: one grain call per key per batch, one commit per batch.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Records a partition may hold in memory before the source waits.</summary>
    public int BufferCapacity { get; set; } = 10_000;

    /// <summary>First wait before retrying a failed grain call or delivery; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a revoked partition may take to finish its batch and commit.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Partitions of the in-process source (embedded mode).</summary>
    public int InProcessPartitions { get; set; } = 4;

    /// <summary>The dead-letter topic, <c>&lt;cluster&gt;.dead-letters</c>.</summary>
    public string DeadLetterTopic => $"{ClusterName}.dead-letters";
}
