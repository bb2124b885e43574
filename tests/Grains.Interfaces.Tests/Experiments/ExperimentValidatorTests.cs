using Grains.Interfaces.Experiments;
using static Grains.Interfaces.Tests.Experiments.Definitions;

namespace Grains.Interfaces.Tests.Experiments;

public sealed class ExperimentValidatorTests
{
    [Fact]
    public void Validate_ValidAbDefinition_NoErrors() => Assert.Empty(ExperimentValidator.Validate(Ab(), "exp-checkout"));

    [Fact]
    public void Validate_ValidBanditDefinition_NoErrors() => Assert.Empty(Validate(Bandit()));

    [Fact]
    public void Validate_MinimalDefinition_DefaultsAreValid() =>
        Assert.Empty(Validate(new() { Id = "e", Type = "ab", Variants = Variants(0.5, 0.5) }));

    [Fact]
    public void Validate_EmptyDefinition_NamesEveryRequiredField()
    {
        var fields = Validate(new()).Select(e => e.Field).ToList();

        Assert.Equal(["id", "type", "variants"], fields);
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("has space", "letters, digits and - _ . : @")]
    [InlineData("ünï", "letters, digits and - _ . : @")]
    public void Validate_BadId_Rejected(string id, string reason) => AssertOnlyError(Ab() with { Id = id }, "id", reason);

    [Fact]
    public void Validate_IdLongerThan128_Rejected() => AssertOnlyError(Ab() with { Id = new string('a', 129) }, "id", "1-128 characters");

    [Fact]
    public void Validate_RouteIdDiffersFromBodyId_Rejected() =>
        AssertOnlyError(Ab(), "id", "is 'exp-checkout' but the path names 'other'", routeId: "other");

    [Theory]
    [InlineData("", "is required")]
    [InlineData("mab", "'mab' is not one of: ab, bandit")]
    [InlineData("AB", "is not one of")]
    public void Validate_UnknownType_Rejected(string type, string reason) =>
        AssertOnlyError(new() { Id = "e", Type = type, Variants = [new() { Name = "a" }, new() { Name = "b" }] }, "type", reason);

    [Fact]
    public void Validate_SaltWithForbiddenCharacters_Rejected() => AssertOnlyError(Ab() with { Salt = "new salt" }, "salt", "letters, digits");

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Validate_TrafficAllocationOutsideUnitInterval_Rejected(double share) =>
        AssertOnlyError(Ab() with { TrafficAllocation = share }, "trafficAllocation", "must lie in [0, 1]");

    [Theory]
    [InlineData(-0.5)]
    [InlineData(2)]
    public void Validate_HoldoutOutsideUnitInterval_Rejected(double share) =>
        AssertOnlyError(Ab() with { Holdout = share }, "holdout", "must lie in [0, 1]");

    [Theory]
    [InlineData(-1, 100, "layer.start", "must lie in 0..9999")]
    [InlineData(10_000, 10_000, "layer.start", "must lie in 0..9999")]
    [InlineData(500, 500, "layer.end", "must be above start (500)")]
    [InlineData(500, 100, "layer.end", "must be above start (500)")]
    [InlineData(0, 10_001, "layer.end", "at most 10000")]
    public void Validate_InvalidLayerRange_Rejected(int start, int end, string field, string reason)
    {
        var errors = Validate(Ab() with { Layer = new() { Name = "checkout", Start = start, End = end } });

        Assert.Contains(errors, e => e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("check out", "letters, digits")]
    public void Validate_BadLayerName_Rejected(string name, string reason) =>
        AssertOnlyError(Ab() with { Layer = new() { Name = name, Start = 0, End = 100 } }, "layer.name", reason);

    [Theory]
    [InlineData("", "is required")]
    [InlineData("Purchase", "lowercase identifier")]
    [InlineData("add-to-cart", "lowercase identifier")]
    public void Validate_BadRewardEventType_Rejected(string type, string reason) =>
        AssertOnlyError(Ab() with { RewardEventType = type }, "rewardEventType", reason);

    [Theory]
    [InlineData("revenue")]
    [InlineData("Binary")]
    public void Validate_UnknownRewardKind_Rejected(string kind) =>
        AssertOnlyError(Ab() with { RewardKind = kind }, "rewardKind", "is not one of: binary, continuous");

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(2_592_001)]
    public void Validate_AttributionWindowOutOfRange_Rejected(long seconds) =>
        AssertOnlyError(Ab() with { AttributionWindowSeconds = seconds }, "attributionWindowSeconds", "must lie in 1..2592000 (30 days)");

    [Fact]
    public void Validate_AttributionWindowOfThirtyDays_Accepted() =>
        Assert.Empty(Validate(Ab() with { AttributionWindowSeconds = 30 * 86_400 }));

    [Theory]
    [InlineData("paused")]
    [InlineData("")]
    public void Validate_UnknownStatus_Rejected(string status) =>
        AssertOnlyError(Ab() with { Status = status }, "status", "running, stopped");
}
