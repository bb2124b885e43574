using BetaDistribution = MathNet.Numerics.Distributions.Beta;

namespace Experimentation.Bandits;

/// <summary>Beta posterior of a binary arm's success rate.</summary>
public readonly record struct BetaPosterior : IArmPosterior
{
    public BetaPosterior(double alpha, double beta)
    {
        PosteriorMath.RequirePositive(alpha, nameof(alpha));
        PosteriorMath.RequirePositive(beta, nameof(beta));
        Alpha = alpha;
        Beta = beta;
    }

    public double Alpha { get; }

    public double Beta { get; }

    /// <summary>Conjugate update: Alpha = α0 + successes, Beta = β0 + trials − successes.</summary>
    public static BetaPosterior Create(ArmStatistics statistics, BetaPrior prior)
    {
        // Discounting and float sums can leave successes a hair outside [0, trials].
        var successes = Math.Clamp(statistics.Successes, 0, Math.Max(statistics.Trials, 0));
        var failures = Math.Max(statistics.Trials - successes, 0);
        return new(prior.Alpha + successes, prior.Beta + failures);
    }

    public static BetaPosterior Create(ArmStatistics statistics) => Create(statistics, BetaPrior.Uniform);

    public double Mean => Alpha / (Alpha + Beta);

    public double Variance
    {
        get
        {
            var sum = Alpha + Beta;
            return Alpha * Beta / (sum * sum * (sum + 1));
        }
    }

    /// <summary>Equal-tailed interval holding <paramref name="level"/> of the posterior mass.</summary>
    public CredibleInterval Interval(double level = 0.95)
    {
        var tail = PosteriorMath.Tail(level);
        return new(InverseCdf(tail), InverseCdf(1 - tail), level);
    }

    /// <summary>One draw of the success rate.</summary>
    public double Sample(Random random) => BetaDistribution.Sample(random, Alpha, Beta);

    private double InverseCdf(double p) => BetaDistribution.InvCDF(Alpha, Beta, p);
}
