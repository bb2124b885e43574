namespace Grains.Interfaces.Experiments;

/// <summary>Values of <see cref="ExperimentDefinition.RewardKind"/>.</summary>
public static class RewardKinds
{
    /// <summary>Reward 1 when the user sends a reward event within the window, else 0.</summary>
    public const string Binary = "binary";

    /// <summary>Reward is the reward event's value (revenue, time spent, …).</summary>
    public const string Continuous = "continuous";

    public static IReadOnlyList<string> All { get; } = [Binary, Continuous];
}
