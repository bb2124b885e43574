using Experimentation.Bandits;

namespace Experimentation.Tests.Bandits;

internal static class PosteriorAssert
{
    /// <summary>Draws from <paramref name="posterior"/> and checks their sample mean and variance against its own.</summary>
    public static void SamplesMatchMoments(IArmPosterior posterior, int draws, int seed, double meanTolerance)
    {
        var random = new Random(seed);
        var samples = Enumerable.Range(0, draws).Select(_ => posterior.Sample(random)).ToArray();

        var mean = samples.Average();
        var variance = samples.Sum(s => (s - mean) * (s - mean)) / (samples.Length - 1);
        Assert.Equal(posterior.Mean, mean, meanTolerance);
        Assert.Equal(posterior.Variance, variance, posterior.Variance * 0.05);
    }
}
