namespace Grains.Experiments;

/// <summary>What one partition's users did to one arm (in one context segment) since its last checkpoint.</summary>
public sealed record ArmCredit
{
    public string Variant { get; init; } = "";

    /// <summary>The context segment of the decisions ("" for none).</summary>
    public string Segment { get; init; } = "";

    /// <summary>Exposures (decisions).</summary>
    public long Trials { get; init; }

    /// <summary>Decisions credited with a reward, each at most once.</summary>
    public long Successes { get; init; }

    public double ValueSum { get; init; }

    public double ValueSumOfSquares { get; init; }

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
            LastAt = other.LastAt > LastAt ? other.LastAt : LastAt,
        };
    }
}
