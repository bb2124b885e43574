namespace Grains.Experiments;

/// <summary>A variant's user-level sums, as the experiment grain persists them.</summary>
public sealed record VariantUserTotals
{
    public long Users { get; set; }

    public long ConvertedUsers { get; set; }

    public double ValueSum { get; set; }

    public double ValueSumOfSquares { get; set; }

    public double CovariateSum { get; set; }

    public double CovariateSumOfSquares { get; set; }

    public double CovariateProduct { get; set; }

    /// <summary>Per guardrail event type: [users with the event, Σ count, Σ count²].</summary>
    public Dictionary<string, double[]> Guardrails { get; set; } = [];

    public void Add(ArmCredit credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        Users += credit.Users;
        ConvertedUsers += credit.ConvertedUsers;
        ValueSum += credit.UserValueSum;
        ValueSumOfSquares += credit.UserValueSumOfSquares;
        CovariateSum += credit.CovariateSum;
        CovariateSumOfSquares += credit.CovariateSumOfSquares;
        CovariateProduct += credit.CovariateProduct;
        foreach (var guardrail in credit.Guardrails)
        {
            var sums = Guardrails.TryGetValue(guardrail.EventType, out var existing) ? existing : Guardrails[guardrail.EventType] = new double[3];
            sums[0] += guardrail.Users;
            sums[1] += guardrail.Sum;
            sums[2] += guardrail.SumOfSquares;
        }
    }
}
