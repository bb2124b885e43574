namespace Bandit.Bench;

/// <summary>
/// A bandit driven by <see cref="RegretSimulation"/>: it chooses an arm for each simulated
/// decision and hears each reward at the decision's time. When the reward becomes visible to
/// the policy (delay, batching, a real pipeline in between) is the implementation's business.
/// </summary>
public interface IBanditUnderTest
{
    string Name { get; }

    /// <summary>The arm to serve for a decision at simulated time <paramref name="now"/>.</summary>
    int Choose(DateTimeOffset now);

    /// <summary>The reward of the decision made at <paramref name="decidedAt"/>.</summary>
    void Observe(DateTimeOffset decidedAt, int arm, bool reward);

    /// <summary>Called once after the last decision (a pipeline variant may drain or stop here).</summary>
    void Complete() { }
}
