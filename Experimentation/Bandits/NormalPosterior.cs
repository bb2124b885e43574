using MathNet.Numerics.Distributions;

namespace Experimentation.Bandits;

/// <summary>
/// Normal-inverse-gamma posterior of a continuous arm's mean reward μ and reward variance σ².
/// Its marginal for μ is a Student-t with 2·Alpha degrees of freedom, location Mu and
/// scale √(Beta / (Alpha·Kappa)).
/// </summary>
public readonly record struct NormalPosterior : IArmPosterior
{
    public NormalPosterior(double mu, double kappa, double alpha, double beta)
    {
        PosteriorMath.RequireFinite(mu, nameof(mu));
        PosteriorMath.RequirePositive(kappa, nameof(kappa));
        PosteriorMath.RequirePositive(alpha, nameof(alpha));
        PosteriorMath.RequirePositive(beta, nameof(beta));
        Mu = mu;
        Kappa = kappa;
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>Posterior location of μ (μn).</summary>
    public double Mu { get; }

    /// <summary>Pseudo-observations behind Mu (κn = κ0 + n).</summary>
    public double Kappa { get; }

    /// <summary>Shape of σ²'s inverse-gamma (αn = α0 + n/2).</summary>
    public double Alpha { get; }

    /// <summary>Scale of σ²'s inverse-gamma (βn).</summary>
    public double Beta { get; }

    /// <summary>Conjugate update from weighted count n, sum and sum of squares.</summary>
    public static NormalPosterior Create(ArmStatistics statistics, NormalInverseGammaPrior prior)
    {
        var n = Math.Max(statistics.Trials, 0);
        if (n == 0)
        {
            return new(prior.Mean, prior.Kappa, prior.Alpha, prior.Beta);
        }

        var mean = statistics.ValueSum / n;
        // Rounding can push the sum of squared deviations a little below zero when values are equal.
        var squaredDeviations = Math.Max(statistics.ValueSumOfSquares - statistics.ValueSum * mean, 0);
        var kappa = prior.Kappa + n;
        var shift = mean - prior.Mean;
        return new(
            (prior.Kappa * prior.Mean + n * mean) / kappa,
            kappa,
            prior.Alpha + n / 2,
            prior.Beta + squaredDeviations / 2 + prior.Kappa * n * shift * shift / (2 * kappa));
    }

    public static NormalPosterior Create(ArmStatistics statistics) => Create(statistics, NormalInverseGammaPrior.Weak);

    /// <summary>Posterior mean of μ.</summary>
    public double Mean => Mu;

    /// <summary>Posterior variance of μ; infinite while Alpha ≤ 1 (the Student-t has no variance yet).</summary>
    public double Variance => Alpha > 1 ? Beta / ((Alpha - 1) * Kappa) : double.PositiveInfinity;

    /// <summary>Scale of μ's Student-t marginal.</summary>
    public double Scale => Math.Sqrt(Beta / (Alpha * Kappa));

    /// <summary>Equal-tailed interval of μ holding <paramref name="level"/> of the posterior mass.</summary>
    public CredibleInterval Interval(double level = 0.95)
    {
        var tail = PosteriorMath.Tail(level);
        var freedom = 2 * Alpha;
        return new(
            StudentT.InvCDF(Mu, Scale, freedom, tail),
            StudentT.InvCDF(Mu, Scale, freedom, 1 - tail),
            level);
    }

    /// <summary>One draw of μ: σ² from its inverse-gamma, then μ given σ².</summary>
    public double Sample(Random random)
    {
        var variance = InverseGamma.Sample(random, Alpha, Beta);
        return Normal.Sample(random, Mu, Math.Sqrt(variance / Kappa));
    }
}
