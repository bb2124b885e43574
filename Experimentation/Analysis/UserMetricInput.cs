namespace Experimentation.Analysis;

/// <summary>
/// One variant's user-level metric: each exposed user counts once, whatever they did.
/// </summary>
/// <param name="Users">Users exposed to the variant.</param>
/// <param name="ConvertedUsers">Exposed users with at least one qualifying event.</param>
/// <param name="ValueSum">Sum over exposed users of each user's total value (0 for users without events).</param>
/// <param name="ValueSumOfSquares">Sum over exposed users of each user's total value squared.</param>
public sealed record UserMetricInput(long Users, long ConvertedUsers, double ValueSum, double ValueSumOfSquares)
{
    /// <summary>Converted users out of exposed users, for the proportion tests.</summary>
    public BinomialCounts Conversions => new(Users, ConvertedUsers);

    /// <summary>Mean and variance of value per exposed user, for Welch's test.</summary>
    public SampleSummary Value => SampleSummary.FromSums(Users, ValueSum, ValueSumOfSquares);
}
