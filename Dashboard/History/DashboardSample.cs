namespace Dashboard.History;

/// <summary>One sample of this silo's history: rates over the interval before <see cref="At"/>, and levels at it.</summary>
public sealed record DashboardSample
{
    /// <summary>Increases by one per sample; clients ask for the samples after the last one they hold.</summary>
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public double EventsPerSecond { get; init; }

    /// <summary>Events applied by this silo since it started.</summary>
    public long EventsTotal { get; init; }

    /// <summary>Experiment decisions answered by this silo since it started.</summary>
    public long DecisionsTotal { get; init; }

    public double DecisionsPerSecond { get; init; }

    /// <summary>Grain calls made by this silo during the interval.</summary>
    public long GrainCalls { get; init; }

    /// <summary>Median grain-call latency over the interval, in milliseconds; null without calls.</summary>
    public double? CallP50Ms { get; init; }

    public double? CallP99Ms { get; init; }

    /// <summary>The oldest checkpoint among the owned partitions, in seconds.</summary>
    public double CheckpointAgeSeconds { get; init; }

    /// <summary>Records waiting in the owned partitions, summed.</summary>
    public long Lag { get; init; }

    /// <summary>Records dead-lettered since the silo started.</summary>
    public long DeadLetters { get; init; }

    /// <summary>Failed checkpoints and 5xx responses since the silo started.</summary>
    public long Errors { get; init; }

    public double CpuPercent { get; init; }

    public long WorkingSetBytes { get; init; }

    public long HeapBytes { get; init; }

    public int PartitionsOwned { get; init; }

    /// <summary>Live activations per grain type.</summary>
    public Dictionary<string, int> Activations { get; init; } = [];
}
