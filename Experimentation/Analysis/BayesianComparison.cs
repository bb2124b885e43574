using Experimentation.Bandits;

namespace Experimentation.Analysis;

/// <summary>
/// Probability of being best and expected loss per variant under independent posteriors. Monte
/// Carlo draws come from the given seeded <see cref="Random"/>, so results are reproducible.
/// </summary>
public static class BayesianComparison
{
    /// <summary>Monte Carlo draws unless told otherwise: loss and probability errors around 1e-3.</summary>
    public const int DefaultDraws = 100_000;

    /// <summary>
    /// Beta posteriors of conversion rates. Two arms with whole α's use the exact series (Evan
    /// Miller's closed form); anything else is Monte Carlo with <paramref name="draws"/> joint draws.
    /// </summary>
    public static BayesianResult CompareBeta(IReadOnlyList<BetaPosterior> arms, Random random, int draws = DefaultDraws, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 2 && BetaRace.Applies(arms[0].Alpha, arms[1].Alpha))
        {
            var (x, y) = (arms[0], arms[1]);
            var xBest = BetaRace.ProbabilityGreater(x.Alpha, x.Beta, y.Alpha, y.Beta);
            return new BayesianResult(
                [
                    new BayesianArm(xBest, BetaRace.ExpectedLoss(x.Alpha, x.Beta, y.Alpha, y.Beta), x.Interval(level)),
                    new BayesianArm(1 - xBest, BetaRace.ExpectedLoss(y.Alpha, y.Beta, x.Alpha, x.Beta), y.Interval(level)),
                ],
                Exact: true);
        }

        return Race([.. arms], random, draws, level);
    }

    /// <summary>Normal posteriors of means, by Monte Carlo with <paramref name="draws"/> joint draws.</summary>
    public static BayesianResult CompareNormal(IReadOnlyList<NormalMeanPosterior> arms, Random random, int draws = DefaultDraws, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(arms);
        return Race([.. arms], random, draws, level);
    }

    private static BayesianResult Race<TPosterior>(TPosterior[] arms, Random random, int draws, double level)
        where TPosterior : struct, IArmPosterior
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        if (arms.Length == 0)
        {
            throw new ArgumentException("A comparison needs at least one arm.", nameof(arms));
        }

        var (probabilityBest, expectedLoss) = PosteriorRace.Run(arms, draws, random);
        var result = arms.Select((arm, i) => new BayesianArm(probabilityBest[i], expectedLoss[i], arm.Interval(level))).ToArray();
        return new BayesianResult(result, Exact: false);
    }
}
