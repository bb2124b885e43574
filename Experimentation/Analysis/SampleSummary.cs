namespace Experimentation.Analysis;

/// <summary>
/// Count, mean and unbiased (n − 1) sample variance of a per-unit value: all that Welch's test,
/// CUPED and the sequential test need.
/// </summary>
public readonly record struct SampleSummary(double Count, double Mean, double Variance)
{
    /// <summary>The summary of values whose count, sum and sum of squares are given.</summary>
    public static SampleSummary FromSums(double count, double sum, double sumOfSquares)
    {
        if (!(count > 0))
        {
            return new(0, 0, 0);
        }

        var mean = sum / count;
        // Rounding can leave the centred sum of squares a hair below zero when all values are equal.
        var squaredDeviations = Math.Max(sumOfSquares - sum * mean, 0);
        return new(count, mean, count > 1 ? squaredDeviations / (count - 1) : 0);
    }

    /// <summary>Squared standard error of the mean, Variance / Count.</summary>
    public double MeanVariance => Count > 0 ? Variance / Count : double.PositiveInfinity;
}
