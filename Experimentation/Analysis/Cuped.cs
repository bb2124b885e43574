namespace Experimentation.Analysis;

/// <summary>
/// CUPED (Deng, Xu, Kohavi &amp; Walker 2013): Y_cuped = Y − θ (X − X̄) with θ = cov(Y, X) / var(X),
/// X a pre-exposure covariate. The mean is unbiased because X cannot depend on the assignment; the
/// variance shrinks by the share of Y's variance that X explains.
/// </summary>
public static class Cuped
{
    /// <summary>Adjusts every variant from aggregates only.</summary>
    public static CupedResult Adjust(IReadOnlyList<CupedSums> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            throw new ArgumentException("CUPED needs at least one variant.", nameof(variants));
        }

        var pooled = variants.Aggregate(default(CupedSums), (sum, v) => sum + v);
        var varianceX = pooled.VarianceX;
        // Without variation in X (e.g. all new users) there is nothing to regress on: θ = 0 leaves Y as is.
        var theta = varianceX > 0 ? pooled.Covariance / varianceX : 0;
        var meanX = pooled.Count > 0 ? pooled.SumX / pooled.Count : 0;
        var adjusted = new List<CupedVariant>(variants.Count);
        double weightedVariance = 0;
        double weightedAdjusted = 0;
        foreach (var v in variants)
        {
            var variance = v.VarianceY;
            var adjustedVariance = Math.Max(variance - 2 * theta * v.Covariance + theta * theta * v.VarianceX, 0);
            var mean = v.Count > 0 ? v.SumY / v.Count : 0;
            var shift = v.Count > 0 ? theta * (v.SumX / v.Count - meanX) : 0;
            adjusted.Add(new CupedVariant(v.Count, mean, variance, mean - shift, adjustedVariance));
            var freedom = Math.Max(v.Count - 1, 0);
            weightedVariance += freedom * variance;
            weightedAdjusted += freedom * adjustedVariance;
        }

        var reduction = weightedVariance > 0 ? 1 - weightedAdjusted / weightedVariance : 0;
        return new CupedResult(theta, adjusted, reduction);
    }
}
