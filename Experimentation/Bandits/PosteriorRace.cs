namespace Experimentation.Bandits;

/// <summary>Monte Carlo estimates of P(arm is best) and expected loss from joint posterior draws.</summary>
internal static class PosteriorRace
{
    public static (double[] ProbabilityBest, double[] ExpectedLoss) Run<TPosterior>(
        TPosterior[] posteriors, int draws, Random random)
        where TPosterior : struct, IArmPosterior
    {
        var armCount = posteriors.Length;
        var wins = new long[armCount];
        var lossSums = new double[armCount];
        var theta = new double[armCount];
        for (var draw = 0; draw < draws; draw++)
        {
            var best = 0;
            var max = double.NegativeInfinity;
            for (var arm = 0; arm < armCount; arm++)
            {
                // The generic struct constraint lets the JIT call Sample directly, without boxing.
                var sample = posteriors[arm].Sample(random);
                theta[arm] = sample;
                if (sample > max)
                {
                    max = sample;
                    best = arm;
                }
            }

            wins[best]++;
            for (var arm = 0; arm < armCount; arm++)
            {
                lossSums[arm] += max - theta[arm];
            }
        }

        var probabilityBest = new double[armCount];
        var expectedLoss = new double[armCount];
        for (var arm = 0; arm < armCount; arm++)
        {
            probabilityBest[arm] = (double)wins[arm] / draws;
            expectedLoss[arm] = lossSums[arm] / draws;
        }

        return (probabilityBest, expectedLoss);
    }
}
