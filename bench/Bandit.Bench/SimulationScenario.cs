namespace Bandit.Bench;

/// <summary>Simulated traffic: Bernoulli arms, a decision rate and a seed for the reward stream.</summary>
public sealed record SimulationScenario(
    string Name,
    double[] Rates,
    int Decisions,
    double DecisionsPerSecond,
    int TrafficSeed)
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public double BestRate => Rates.Max();

    public DateTimeOffset TimeOf(int decision) => Start.AddSeconds(decision / DecisionsPerSecond);

    public TimeSpan Duration => TimeSpan.FromSeconds(Decisions / DecisionsPerSecond);
}
