namespace Pipeline.Bench.Counter;

/// <summary>What a <see cref="CounterGrain"/> persists: a few numbers, so each checkpointed row is small.</summary>
public sealed record CounterState
{
    public long Events { get; set; }

    public double ValueSum { get; set; }

    public DateTimeOffset LastAt { get; set; }
}
