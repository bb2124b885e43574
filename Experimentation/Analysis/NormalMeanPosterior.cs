using Experimentation.Bandits;
using MathNet.Numerics.Distributions;

namespace Experimentation.Analysis;

/// <summary>Normal posterior N(Mean, Variance) of a variant's mean, e.g. a flat prior with a large sample.</summary>
public readonly record struct NormalMeanPosterior : IArmPosterior
{
    public NormalMeanPosterior(double mean, double variance)
    {
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The posterior mean must be finite.");
        }

        Mean = mean;
        Variance = Validate.Positive(variance, nameof(variance));
    }

    public double Mean { get; }

    public double Variance { get; }

    /// <summary>The flat-prior posterior of a mean from its sample: N(mean, s² / n).</summary>
    public static NormalMeanPosterior FromSummary(SampleSummary summary) => new(summary.Mean, summary.MeanVariance);

    public CredibleInterval Interval(double level = 0.95)
    {
        var width = Distributions.NormalCritical(level) * Math.Sqrt(Variance);
        return new CredibleInterval(Mean - width, Mean + width, level);
    }

    public double Sample(Random random) => Normal.Sample(random, Mean, Math.Sqrt(Variance));
}
