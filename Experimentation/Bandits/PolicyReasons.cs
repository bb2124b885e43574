namespace Experimentation.Bandits;

/// <summary>Why a policy has the probabilities it has; logged with each decision.</summary>
public static class PolicyReasons
{
    /// <summary>P(arm is best) under the posterior, with the exploration floor.</summary>
    public const string Thompson = "thompson";

    /// <summary>Uniform, because some arm has fewer trials than the burn-in asks for.</summary>
    public const string BurnIn = "burn_in";
}
