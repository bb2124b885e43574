namespace Storage.Tests.TestGrains;

[GenerateSerializer]
[Alias("Storage.Tests.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}
