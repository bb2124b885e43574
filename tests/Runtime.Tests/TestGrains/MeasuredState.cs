namespace Runtime.Tests.TestGrains;

/// <summary>A state with a floating-point number, for the two ways of writing state.</summary>
public sealed record MeasuredState
{
    public double Total { get; set; }

    public string? Note { get; set; }

    public List<double> Samples { get; set; } = [];
}
