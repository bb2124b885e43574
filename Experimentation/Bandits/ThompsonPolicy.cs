namespace Experimentation.Bandits;

/// <summary>
/// A bandit policy computed from one posterior snapshot: the probability of serving each arm,
/// plus the Monte Carlo estimates behind it for reporting. Every list is indexed by arm.
/// </summary>
public sealed class ThompsonPolicy
{
    public ThompsonPolicy(
        IReadOnlyList<double> probabilities,
        string reason,
        IReadOnlyList<double> probabilityBest,
        IReadOnlyList<double> expectedLoss)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentNullException.ThrowIfNull(probabilityBest);
        ArgumentNullException.ThrowIfNull(expectedLoss);
        if (probabilityBest.Count != probabilities.Count || expectedLoss.Count != probabilities.Count)
        {
            throw new ArgumentException(
                $"Per-arm lists differ in length: {probabilities.Count} probabilities, {probabilityBest.Count} P(best), {expectedLoss.Count} expected losses.");
        }

        // Copies, so that a caller's later edits cannot make logged propensities disagree with the sampler.
        Probabilities = [.. probabilities];
        Sampler = new PolicySampler(Probabilities);
        Reason = reason;
        ProbabilityBest = [.. probabilityBest];
        ExpectedLoss = [.. expectedLoss];
    }

    public int ArmCount => Probabilities.Count;

    /// <summary>Probability of serving each arm (sums to 1): what decisions use and log as propensity.</summary>
    public IReadOnlyList<double> Probabilities { get; }

    /// <summary><see cref="PolicyReasons.Thompson"/> or <see cref="PolicyReasons.BurnIn"/>.</summary>
    public string Reason { get; }

    /// <summary>Estimated P(arm is best | data), before burn-in and the exploration floor.</summary>
    public IReadOnlyList<double> ProbabilityBest { get; }

    /// <summary>Estimated E[max_j θ_j − θ_i]: the reward given up by serving arm i for good.</summary>
    public IReadOnlyList<double> ExpectedLoss { get; }

    /// <summary>Draws decisions from <see cref="Probabilities"/>.</summary>
    public PolicySampler Sampler { get; }

    /// <summary>Index of the arm most likely to be best (lowest index on ties).</summary>
    public int LeadingArm
    {
        get
        {
            var best = 0;
            for (var i = 1; i < ProbabilityBest.Count; i++)
            {
                if (ProbabilityBest[i] > ProbabilityBest[best])
                {
                    best = i;
                }
            }

            return best;
        }
    }
}
