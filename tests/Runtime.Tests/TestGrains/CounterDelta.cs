namespace Runtime.Tests.TestGrains;

/// <summary>What counter grains tell the total grain; deltas to one total combine by addition.</summary>
public sealed record CounterDelta(long Events, long Sum)
{
    public static CounterDelta Combine(CounterDelta left, CounterDelta right) => new(left.Events + right.Events, left.Sum + right.Sum);
}
