namespace Bandit.Bench;

/// <summary>
/// Outcome of one simulation. Regret is pseudo-regret, Σ (best rate − chosen arm's rate): it does
/// not depend on reward luck, so policies compare with less noise.
/// </summary>
public sealed record RegretResult(string Policy, string Scenario, int TrafficSeed, double Regret, long Rewards, long[] Pulls)
{
    public double ShareOf(int arm) => Pulls[arm] / (double)Pulls.Sum();
}
