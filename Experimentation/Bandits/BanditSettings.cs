using System.Globalization;

namespace Experimentation.Bandits;

/// <summary>Settings of one Thompson-sampling bandit. Check them with <see cref="Validate"/>.</summary>
public sealed record BanditSettings
{
    public RewardModel RewardModel { get; init; } = RewardModel.Binary;

    /// <summary>Prior of every arm's success rate under <see cref="RewardModel.Binary"/>.</summary>
    public BetaPrior BetaPrior { get; init; } = BetaPrior.Uniform;

    /// <summary>Prior of every arm's mean and variance under <see cref="RewardModel.Continuous"/>.</summary>
    public NormalInverseGammaPrior NormalPrior { get; init; } = NormalInverseGammaPrior.Weak;

    /// <summary>Traffic stays uniform until every arm has this many (discounted) trials.</summary>
    public double BurnInTrials { get; init; } = 100;

    /// <summary>
    /// Share s of traffic spread evenly over all arms: π = (1 − s)·π_TS + s/K. Keeps every
    /// propensity above s/K, which off-policy estimates divide by.
    /// </summary>
    public double MinExplorationShare { get; init; } = 0.01;

    /// <summary>When set, an observation's weight halves every half-life, so the policy follows drifting rewards.</summary>
    public TimeSpan? DiscountHalfLife { get; init; }

    /// <summary>Joint posterior draws behind each policy; the error of a probability is at most 0.5/√draws.</summary>
    public int MonteCarloDraws { get; init; } = 10_000;

    /// <summary>Segments tracked in contextual mode; observations of further segments count only globally.</summary>
    public int MaxSegments { get; init; } = 1_000;

    /// <summary>A segment uses its own posteriors once every arm has this many (discounted) trials in it.</summary>
    public double MinSegmentTrials { get; init; } = 200;

    /// <summary>Every broken rule, one message each, naming the field, its value and the rule.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(RewardModel))
        {
            failures.Add(Failure(nameof(RewardModel), RewardModel, "it must be Binary or Continuous"));
        }

        Positive(failures, "BetaPrior.Alpha", BetaPrior.Alpha);
        Positive(failures, "BetaPrior.Beta", BetaPrior.Beta);
        if (!double.IsFinite(NormalPrior.Mean))
        {
            failures.Add(Failure("NormalPrior.Mean", NormalPrior.Mean, "it must be a finite number"));
        }

        Positive(failures, "NormalPrior.Kappa", NormalPrior.Kappa);
        Positive(failures, "NormalPrior.Alpha", NormalPrior.Alpha);
        Positive(failures, "NormalPrior.Beta", NormalPrior.Beta);
        NotNegative(failures, nameof(BurnInTrials), BurnInTrials);
        if (!(MinExplorationShare is >= 0 and <= 1))
        {
            failures.Add(Failure(nameof(MinExplorationShare), MinExplorationShare, "it must be between 0 and 1"));
        }

        if (DiscountHalfLife is { } halfLife && halfLife <= TimeSpan.Zero)
        {
            failures.Add(Failure(nameof(DiscountHalfLife), halfLife, "it must be positive, or unset for no discounting"));
        }

        if (MonteCarloDraws is < 100 or > 10_000_000)
        {
            failures.Add(Failure(nameof(MonteCarloDraws), MonteCarloDraws, "it must be between 100 and 10,000,000"));
        }

        if (MaxSegments is < 0 or > 1_000_000)
        {
            failures.Add(Failure(nameof(MaxSegments), MaxSegments, "it must be between 0 and 1,000,000"));
        }

        NotNegative(failures, nameof(MinSegmentTrials), MinSegmentTrials);
        return failures;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every broken rule.</summary>
    public BanditSettings EnsureValid()
    {
        var failures = Validate();
        return failures.Count == 0 ? this : throw new ArgumentException(string.Join(" ", failures));
    }

    private static void Positive(List<string> failures, string name, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            failures.Add(Failure(name, value, "it must be a finite number above 0"));
        }
    }

    private static void NotNegative(List<string> failures, string name, double value)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            failures.Add(Failure(name, value, "it must be a finite number of at least 0"));
        }
    }

    private static string Failure(string name, object value, string rule) =>
        string.Create(CultureInfo.InvariantCulture, $"BanditSettings.{name} is '{value}': {rule}.");
}
