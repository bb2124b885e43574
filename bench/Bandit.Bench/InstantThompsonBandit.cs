using Experimentation.Bandits;

namespace Bandit.Bench;

/// <summary>
/// Textbook Thompson sampling: every decision samples each arm's Beta(1, 1) posterior, and
/// every reward updates it at once. The ideal the precomputed, delayed policy is measured against.
/// </summary>
public sealed class InstantThompsonBandit : IBanditUnderTest
{
    private readonly ArmStatistics[] _statistics;
    private readonly BetaPosterior[] _posteriors;
    private readonly Random _random;

    public InstantThompsonBandit(int arms, int seed)
    {
        _statistics = new ArmStatistics[arms];
        _posteriors = [.. _statistics.Select(BetaPosterior.Create)];
        _random = new Random(seed);
    }

    public string Name => "(a) Thompson, instant updates";

    public int Choose(DateTimeOffset now) => DirectThompson.Choose(_posteriors, _random);

    public void Observe(DateTimeOffset decidedAt, int arm, bool reward)
    {
        _statistics[arm] += ArmStatistics.ForOutcome(reward);
        _posteriors[arm] = BetaPosterior.Create(_statistics[arm]);
    }
}
