namespace Runtime.Hosting;

/// <summary>The <c>Runtime</c> section: checkpointing, activation lifetime, batching and call behaviour.</summary>
public sealed class RuntimeOptions
{
    public const string SectionName = "Runtime";

    /// <summary>How often each partition commits dirty grain state together with its offsets.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How soon a partition checkpoints once a grain has sent a durable message, when that is sooner
    /// than <see cref="CheckpointInterval"/>: messages leave only after the commit, so this bounds
    /// how stale a receiver (an experiment's statistics) can be. Under load the early checkpoint
    /// waits longer, at least four times the previous commit's duration (never past
    /// <see cref="CheckpointInterval"/>), so storage spends at most about a fifth of its time on it.
    /// A partition that has had records waiting without a break since the message was sent is
    /// behind anyway, and commits at the regular interval.
    /// </summary>
    public TimeSpan MessageFlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A partition that has had no record for this long checkpoints what it applied at once, rather
    /// than at the end of <see cref="CheckpointInterval"/> (no sooner than
    /// <see cref="MessageFlushInterval"/> after its previous checkpoint): the state of a burst, and
    /// its messages, are durable soon after it ends, while a steady stream still commits once per interval.
    /// </summary>
    public TimeSpan QuietCheckpointDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A grain unused for this long is deactivated (after its state is saved).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most records a partition applies in one batch.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// Records buffered per partition between the consumer and the partition's processor. One
    /// consumer feeds every partition, and a fetch hands it a partition's records in runs of up to
    /// <c>max.partition.fetch.bytes</c> (1 MB: about 6,500 events of 150 bytes). A queue shorter than
    /// a run made the consumer wait on that one partition while the others ran dry: with 2,000 it
    /// waited 1.6–1.9 s of a 3–3.7 s benchmark round. 8,000 holds a run; buffering much more only
    /// keeps more records alive across collections (20,000 measured 30 % slower in session 7).
    /// </summary>
    public int PartitionQueueCapacity { get; set; } = 8_000;

    /// <summary>Longest a single grain call may take, including waiting for its turn.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call keeps retrying while its grain's partition has no reachable owner (rebalance, failover).</summary>
    public TimeSpan CallRetryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the partition directory is re-read from storage.</summary>
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the silo records its heartbeat and refreshes consumer lag.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The base URL other silos and gateways call this silo on. Empty: the first address the server
    /// listens on (fine on one host; set it when silos run on different hosts or behind NAT).
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
