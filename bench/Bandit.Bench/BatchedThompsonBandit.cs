using Experimentation.Bandits;

namespace Bandit.Bench;

/// <summary>
/// The production shape: a <see cref="ThompsonPolicy"/> recomputed every refresh interval from
/// the rewards visible by then (each one <c>feedbackDelay</c> after its decision), and decisions
/// drawn from its <see cref="PolicySampler"/>.
/// </summary>
public sealed class BatchedThompsonBandit : IBanditUnderTest
{
    private readonly BanditSettings _settings;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _feedbackDelay;
    private readonly ArmStatistics[] _statistics;
    private readonly Queue<(DateTimeOffset VisibleAt, int Arm, bool Reward)> _inFlight = new();
    private readonly Random _random;
    private ThompsonPolicy _policy;
    private DateTimeOffset _nextRefresh = DateTimeOffset.MinValue;

    public BatchedThompsonBandit(string name, int arms, BanditSettings settings, TimeSpan refreshInterval, TimeSpan feedbackDelay, int seed)
    {
        Name = name;
        _settings = settings;
        _refreshInterval = refreshInterval;
        _feedbackDelay = feedbackDelay;
        _statistics = new ArmStatistics[arms];
        _random = new Random(seed);
        _policy = ThompsonPolicyCalculator.Compute(_statistics, _settings, _random);
    }

    public string Name { get; }

    public int Refreshes { get; private set; }

    public int Choose(DateTimeOffset now)
    {
        if (now >= _nextRefresh)
        {
            Refresh(now);
        }

        return _policy.Sampler.Choose(_random).Arm;
    }

    public void Observe(DateTimeOffset decidedAt, int arm, bool reward) =>
        _inFlight.Enqueue((decidedAt + _feedbackDelay, arm, reward));

    private void Refresh(DateTimeOffset now)
    {
        while (_inFlight.TryPeek(out var pending) && pending.VisibleAt <= now)
        {
            _inFlight.Dequeue();
            _statistics[pending.Arm] += ArmStatistics.ForOutcome(pending.Reward);
        }

        _policy = ThompsonPolicyCalculator.Compute(_statistics, _settings, _random);
        _nextRefresh = now + _refreshInterval;
        Refreshes++;
    }
}
