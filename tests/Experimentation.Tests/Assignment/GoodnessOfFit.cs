using MathNet.Numerics.Distributions;

namespace Experimentation.Tests.Assignment;

/// <summary>Pearson's chi-square goodness-of-fit test for the assignment tests.</summary>
internal static class GoodnessOfFit
{
    /// <summary>P-value of <paramref name="observed"/> counts under the <paramref name="expectedShares"/> (summing to 1).</summary>
    public static double PValue(IReadOnlyList<int> observed, IReadOnlyList<double> expectedShares)
    {
        var total = observed.Sum();
        var statistic = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * expectedShares[i];
            statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
        }

        return 1 - ChiSquared.CDF(observed.Count - 1, statistic);
    }

    public static double PValueUniform(IReadOnlyList<int> observed) =>
        PValue(observed, [.. Enumerable.Repeat(1.0 / observed.Count, observed.Count)]);

    public static IEnumerable<string> Users(int count) => Enumerable.Range(0, count).Select(i => $"user-{i}");
}
