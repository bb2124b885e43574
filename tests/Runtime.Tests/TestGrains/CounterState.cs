namespace Runtime.Tests.TestGrains;

public sealed record CounterState
{
    public long Events { get; set; }

    public long Sum { get; set; }

    public long Activations { get; set; }
}
