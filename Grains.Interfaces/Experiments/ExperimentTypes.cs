namespace Grains.Interfaces.Experiments;

/// <summary>Values of <see cref="ExperimentDefinition.Type"/>.</summary>
public static class ExperimentTypes
{
    /// <summary>A fixed split by the variants' weights.</summary>
    public const string Ab = "ab";

    /// <summary>A split learned from rewards (Thompson sampling); variants carry no weights.</summary>
    public const string Bandit = "bandit";

    public static IReadOnlyList<string> All { get; } = [Ab, Bandit];
}
