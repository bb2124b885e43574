namespace Grains.Interfaces.Experiments;

/// <summary>A variant's posterior: Beta(alpha, beta) for binary rewards, or the mean and its variance for continuous ones.</summary>
public sealed record PosteriorSummary
{
    public double? Alpha { get; init; }

    public double? Beta { get; init; }

    public double Mean { get; init; }

    /// <summary>Null for a continuous posterior with too little data to have a variance (the Student-t's is infinite).</summary>
    public double? Variance { get; init; }

    /// <summary>95 % equal-tailed credible interval.</summary>
    public double Lower { get; init; }

    public double Upper { get; init; }
}
