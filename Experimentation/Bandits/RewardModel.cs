namespace Experimentation.Bandits;

/// <summary>How an arm's rewards are modelled.</summary>
public enum RewardModel
{
    /// <summary>Success or failure (click, conversion): Beta-Bernoulli.</summary>
    Binary,

    /// <summary>A real value (revenue, dwell time): Normal with unknown mean and variance.</summary>
    Continuous,
}
