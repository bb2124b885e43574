namespace Experimentation.Bandits;

/// <summary>Beta(Alpha, Beta) prior on a success rate; Alpha − 1 prior successes, Beta − 1 prior failures.</summary>
public readonly record struct BetaPrior(double Alpha, double Beta)
{
    /// <summary>Beta(1, 1): every rate equally likely.</summary>
    public static BetaPrior Uniform => new(1, 1);
}
