namespace Experimentation.Analysis;

/// <summary>Settings of the mixture sequential probability ratio test.</summary>
/// <param name="MixtureVariance">
/// τ², the variance of the normal mixing distribution over the true difference, in the squared
/// units of the difference (e.g. 1e-4 for conversion-rate differences around ±1 percentage point).
/// Power is best when τ is near the effect sizes expected; any τ &gt; 0 keeps the error guarantee.
/// </param>
/// <param name="Alpha">Error rate guaranteed however often the results are looked at.</param>
public sealed record SequentialSettings(double MixtureVariance, double Alpha = 0.05)
{
    internal void EnsureValid()
    {
        Validate.Positive(MixtureVariance, nameof(MixtureVariance));
        Validate.Probability(Alpha, nameof(Alpha));
    }
}
