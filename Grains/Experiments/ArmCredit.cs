namespace Grains.Experiments;

/// <summary>What one partition's users did to one arm (in one context segment) since its last checkpoint.</summary>
public sealed record ArmCredit
{
    public string Variant { get; init; } = "";

    /// <summary>The definition iteration of the decisions; the experiment drops credits of any other.</summary>
    public long Iteration { get; init; }

    /// <summary>The context segment of the decisions ("" for none).</summary>
    public string Segment { get; init; } = "";

    /// <summary>Exposures (decisions).</summary>
    public long Trials { get; init; }

    /// <summary>Decisions credited with a reward, each at most once.</summary>
    public long Successes { get; init; }

    public double ValueSum { get; init; }

    public double ValueSumOfSquares { get; init; }

    /// <summary>User level: users whose first exposure this was, and users whose first reward this was.</summary>
    public long Users { get; init; }

    public long ConvertedUsers { get; init; }

    /// <summary>User level: deltas of Σ value per user and Σ (value per user)², and of the covariate sums (CUPED).</summary>
    public double UserValueSum { get; init; }

    public double UserValueSumOfSquares { get; init; }

    public double CovariateSum { get; init; }

    public double CovariateSumOfSquares { get; init; }

    public double CovariateProduct { get; init; }

    public List<GuardrailCredit> Guardrails { get; init; } = [];

    /// <summary>The latest event time among the credits, the reference of time discounting.</summary>
    public DateTimeOffset LastAt { get; init; }

    public ArmCredit Add(ArmCredit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Trials = Trials + other.Trials,
            Successes = Successes + other.Successes,
            ValueSum = ValueSum + other.ValueSum,
            ValueSumOfSquares = ValueSumOfSquares + other.ValueSumOfSquares,
            Users = Users + other.Users,
            ConvertedUsers = ConvertedUsers + other.ConvertedUsers,
            UserValueSum = UserValueSum + other.UserValueSum,
            UserValueSumOfSquares = UserValueSumOfSquares + other.UserValueSumOfSquares,
            CovariateSum = CovariateSum + other.CovariateSum,
            CovariateSumOfSquares = CovariateSumOfSquares + other.CovariateSumOfSquares,
            CovariateProduct = CovariateProduct + other.CovariateProduct,
            Guardrails = MergeGuardrails(Guardrails, other.Guardrails),
            LastAt = other.LastAt > LastAt ? other.LastAt : LastAt,
        };
    }

    private static List<GuardrailCredit> MergeGuardrails(List<GuardrailCredit> left, List<GuardrailCredit> right)
    {
        // Most credits carry no guardrails; the lists are never changed once built, so either side can be shared.
        if (right.Count == 0)
        {
            return left;
        }

        if (left.Count == 0)
        {
            return right;
        }

        var merged = new List<GuardrailCredit>(left);
        foreach (var credit in right)
        {
            var index = merged.FindIndex(g => g.EventType == credit.EventType);
            if (index < 0)
            {
                merged.Add(credit);
            }
            else
            {
                merged[index] = merged[index].Add(credit);
            }
        }

        return merged;
    }
}
