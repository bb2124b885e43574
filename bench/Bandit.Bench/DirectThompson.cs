using Experimentation.Bandits;

namespace Bandit.Bench;

/// <summary>Per-decision Thompson sampling: one draw from every arm's posterior, the highest wins.</summary>
public static class DirectThompson
{
    public static int Choose(ReadOnlySpan<BetaPosterior> posteriors, Random random)
    {
        var best = 0;
        var max = double.NegativeInfinity;
        for (var arm = 0; arm < posteriors.Length; arm++)
        {
            var sample = posteriors[arm].Sample(random);
            if (sample > max)
            {
                max = sample;
                best = arm;
            }
        }

        return best;
    }
}
