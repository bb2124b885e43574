namespace Grains.Experiments;

/// <summary>A guardrail metric's user-level deltas: users who had the event, and the per-user count's sum and sum of squares.</summary>
public sealed record GuardrailCredit
{
    public string EventType { get; init; } = "";

    public long Users { get; init; }

    public double Sum { get; init; }

    public double SumOfSquares { get; init; }

    public GuardrailCredit Add(GuardrailCredit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { Users = Users + other.Users, Sum = Sum + other.Sum, SumOfSquares = SumOfSquares + other.SumOfSquares };
    }
}
