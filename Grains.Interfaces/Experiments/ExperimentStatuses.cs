namespace Grains.Interfaces.Experiments;

/// <summary>Values of <see cref="ExperimentDefinition.Status"/>.</summary>
public static class ExperimentStatuses
{
    public const string Running = "running";

    /// <summary>Assigns nobody; keeps its results and its layer range free for others.</summary>
    public const string Stopped = "stopped";

    public static IReadOnlyList<string> All { get; } = [Running, Stopped];
}
