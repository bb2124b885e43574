namespace Experimentation.Analysis;

/// <summary>
/// One variant's decision-level metric: each served decision is a unit, so a user can count many times.
/// </summary>
/// <param name="Trials">Decisions served with this variant.</param>
/// <param name="Successes">Decisions that led to a success (click, conversion).</param>
/// <param name="ValueSum">Sum of the decisions' reward values.</param>
/// <param name="ValueSumOfSquares">Sum of the decisions' reward values squared.</param>
public sealed record DecisionMetricInput(long Trials, long Successes, double ValueSum, double ValueSumOfSquares)
{
    /// <summary>Successes out of decisions, for the proportion tests.</summary>
    public BinomialCounts Outcomes => new(Trials, Successes);

    /// <summary>Mean and variance of value per decision, for Welch's test.</summary>
    public SampleSummary Value => SampleSummary.FromSums(Trials, ValueSum, ValueSumOfSquares);
}
