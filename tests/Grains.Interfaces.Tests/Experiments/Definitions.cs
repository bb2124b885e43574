using System.Text.Json;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;

namespace Grains.Interfaces.Tests.Experiments;

/// <summary>Valid definitions for tests to break one rule at a time with <c>with</c>.</summary>
internal static class Definitions
{
    public static ExperimentDefinition Ab() => new()
    {
        Id = "exp-checkout",
        Type = ExperimentTypes.Ab,
        Variants =
        [
            new() { Name = "control", Weight = 0.5, Config = Json("""{"showProgressBar":false}""") },
            new() { Name = "treatment", Weight = 0.5, Config = Json("""{"showProgressBar":true}""") },
        ],
        TrafficAllocation = 0.5,
        Holdout = 0.1,
        Layer = new() { Name = "checkout", Start = 0, End = 5_000 },
        Targeting =
        [
            new() { Attribute = "device", Operator = TargetingOperators.In, Values = ["ios", "android"] },
            new() { Attribute = "totalEvents", Operator = TargetingOperators.Gte, Value = Json("10") },
        ],
    };

    public static ExperimentDefinition Bandit() => new()
    {
        Id = "bandit-banner",
        Type = ExperimentTypes.Bandit,
        Variants = [new() { Name = "blue" }, new() { Name = "green" }, new() { Name = "red" }],
        RewardKind = RewardKinds.Continuous,
        RewardEventType = "purchase",
        Bandit = new()
        {
            Prior = new() { Alpha = 1, Beta = 1, Mean = 0, Kappa = 0.1 },
            BurnInTrials = 100,
            MinExplorationShare = 0.01,
            DiscountHalfLifeSeconds = 86_400,
            SegmentBy = ["device"],
        },
    };

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts that validation fails with exactly one error, on <paramref name="field"/>, saying <paramref name="reason"/>.</summary>
    public static void AssertOnlyError(ExperimentDefinition definition, string field, string reason, string? routeId = null)
    {
        var error = Assert.Single(ExperimentValidator.Validate(definition, routeId));
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    public static List<VariantDefinition> Variants(params double?[] weights) =>
        [.. weights.Select((w, i) => new VariantDefinition { Name = $"v{i}", Weight = w })];

    public static IReadOnlyList<ValidationError> Validate(ExperimentDefinition definition) => ExperimentValidator.Validate(definition);
}
