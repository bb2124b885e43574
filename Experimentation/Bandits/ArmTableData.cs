namespace Experimentation.Bandits;

/// <summary>
/// Persistable form of a <see cref="ContextualArmTable"/> (System.Text.Json friendly). Statistics
/// are as of <see cref="AsOf"/> and packed four values per arm: trials, successes, value sum and
/// value sum of squares.
/// </summary>
public sealed record ArmTableData
{
    public int ArmCount { get; init; }

    public DateTimeOffset? AsOf { get; init; }

    public double[] Global { get; init; } = [];

    public Dictionary<string, double[]> Segments { get; init; } = [];
}
