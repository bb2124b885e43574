namespace Bandit.Bench;

/// <summary>A fixed-split A/B(/n) test: every arm gets an equal share for the whole run.</summary>
public sealed class UniformBandit(int arms, int seed) : IBanditUnderTest
{
    private readonly Random _random = new(seed);

    public string Name => "(c) uniform A/B";

    public int Choose(DateTimeOffset now) => _random.Next(arms);

    public void Observe(DateTimeOffset decidedAt, int arm, bool reward)
    {
    }
}
