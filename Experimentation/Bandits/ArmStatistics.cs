namespace Experimentation.Bandits;

/// <summary>
/// Sufficient statistics of one arm's rewards. Counts are doubles so that they can be discounted
/// (an observation of age t weighs 0.5^(t / half-life)).
/// </summary>
/// <param name="Trials">Number (or discounted weight) of rewarded decisions.</param>
/// <param name="Successes">Binary rewards: number (or weight) of successes.</param>
/// <param name="ValueSum">Continuous rewards: sum of the reward values.</param>
/// <param name="ValueSumOfSquares">Continuous rewards: sum of the squared reward values.</param>
public readonly record struct ArmStatistics(double Trials, double Successes, double ValueSum, double ValueSumOfSquares)
{
    /// <summary>No observations.</summary>
    public static ArmStatistics Empty => default;

    /// <summary>
    /// One binary outcome. The value fields record it as 1 or 0 too, so the same statistics serve
    /// a continuous model of a conversion rate.
    /// </summary>
    public static ArmStatistics ForOutcome(bool success) => success ? new(1, 1, 1, 1) : new(1, 0, 0, 0);

    /// <summary>One continuous reward (revenue, watch time, ...). Successes stay 0.</summary>
    public static ArmStatistics ForValue(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A reward value must be finite.");
        }

        return new(1, 0, value, value * value);
    }

    /// <summary>Mean reward value, or 0 with no trials.</summary>
    public double MeanValue => Trials > 0 ? ValueSum / Trials : 0;

    /// <summary>Success share, or 0 with no trials.</summary>
    public double SuccessRate => Trials > 0 ? Successes / Trials : 0;

    /// <summary>Combines two sets of observations of the same arm.</summary>
    public ArmStatistics Add(ArmStatistics other) => new(
        Trials + other.Trials,
        Successes + other.Successes,
        ValueSum + other.ValueSum,
        ValueSumOfSquares + other.ValueSumOfSquares);

    public static ArmStatistics operator +(ArmStatistics left, ArmStatistics right) => left.Add(right);

    /// <summary>Weighs every observation by <paramref name="factor"/> (0 to 1 for decay).</summary>
    public ArmStatistics Scale(double factor)
    {
        if (!(factor >= 0) || double.IsPositiveInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A scale factor must be finite and not negative.");
        }

        return new(Trials * factor, Successes * factor, ValueSum * factor, ValueSumOfSquares * factor);
    }

    /// <summary>
    /// The statistics <paramref name="elapsed"/> later, when observations lose half their weight
    /// every <paramref name="halfLife"/>.
    /// </summary>
    public ArmStatistics Decay(TimeSpan elapsed, TimeSpan halfLife) => Scale(DecayFactor(elapsed, halfLife));

    /// <summary>0.5^(elapsed / halfLife); 1 for no (or negative) elapsed time.</summary>
    public static double DecayFactor(TimeSpan elapsed, TimeSpan halfLife)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "A half-life must be positive.");
        }

        // Clock skew between producers can make "elapsed" negative; weighting the past up is never right.
        return elapsed <= TimeSpan.Zero ? 1 : Math.Pow(0.5, elapsed / halfLife);
    }
}
