using Grains.Experiments;

namespace Grains.Tests.Experiments;

public sealed class ParticipationBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly double[] Purchases = [10.0, 5.0];

    [Fact]
    public void JoinThenObserve_DeltasAddUpToTheUsersSums()
    {
        List<Participation> book = [];
        var joined = ParticipationBook.Join(book, Exposure(continuous: true), covariate: 3);
        var again = ParticipationBook.Join(book, Exposure(continuous: true), covariate: 9);

        var deltas = Purchases
            .SelectMany(value => ParticipationBook.Observe(book, "purchase", value, T0.AddMinutes(1)))
            .Select(d => d.Credit)
            .ToList();
        var total = deltas.Aggregate(joined!, (sum, next) => sum.Add(next));

        Assert.Null(again);
        Assert.Equal((1L, 1L), (total.Users, total.ConvertedUsers));
        Assert.Equal(15, total.UserValueSum);
        Assert.Equal(225, total.UserValueSumOfSquares);
        Assert.Equal((3.0, 9.0, 45.0), (total.CovariateSum, total.CovariateSumOfSquares, total.CovariateProduct));
    }

    [Fact]
    public void Observe_GuardrailEventsAndEventsOutsideTheWindow_CountOnlyInside()
    {
        List<Participation> book = [];
        ParticipationBook.Join(book, Exposure(continuous: false) with { Guardrails = ["error"] }, covariate: 0);

        var inside = ParticipationBook.Observe(book, "error", null, T0.AddMinutes(5)).Concat(ParticipationBook.Observe(book, "error", null, T0.AddMinutes(6))).ToList();
        var before = ParticipationBook.Observe(book, "error", null, T0.AddMinutes(-1));
        var after = ParticipationBook.Observe(book, "purchase", null, T0.AddHours(2));

        var guardrail = inside.SelectMany(d => d.Credit.Guardrails).Aggregate((sum, next) => sum.Add(next));
        Assert.Equal((1L, 2.0, 4.0), (guardrail.Users, guardrail.Sum, guardrail.SumOfSquares));
        Assert.Empty(before);
        Assert.Empty(after);
    }

    private static Exposure Exposure(bool continuous) => new()
    {
        ExperimentId = "exp",
        Variant = "b",
        DecisionId = "d",
        Propensity = 0.5,
        RewardEventType = "purchase",
        Continuous = continuous,
        WindowSeconds = 3600,
        At = T0,
    };
}
