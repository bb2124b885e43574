namespace Bandit.Bench;

/// <summary>
/// Runs a bandit against simulated traffic. Rewards use common random numbers: decision t draws
/// one uniform u_t and arm a pays iff u_t &lt; rate_a, so every policy meets the same traffic.
/// </summary>
public static class RegretSimulation
{
    public static RegretResult Run(SimulationScenario scenario, IBanditUnderTest bandit)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(bandit);
        var traffic = new Random(scenario.TrafficSeed);
        var pulls = new long[scenario.Rates.Length];
        var regret = 0.0;
        var rewards = 0L;
        for (var decision = 0; decision < scenario.Decisions; decision++)
        {
            var now = scenario.TimeOf(decision);
            var arm = bandit.Choose(now);
            var reward = traffic.NextDouble() < scenario.Rates[arm];
            pulls[arm]++;
            regret += scenario.BestRate - scenario.Rates[arm];
            rewards += reward ? 1 : 0;
            bandit.Observe(now, arm, reward);
        }

        bandit.Complete();
        return new RegretResult(bandit.Name, scenario.Name, scenario.TrafficSeed, regret, rewards, pulls);
    }
}
