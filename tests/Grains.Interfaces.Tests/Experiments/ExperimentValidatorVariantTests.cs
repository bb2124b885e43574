using Grains.Interfaces.Experiments;
using static Grains.Interfaces.Tests.Experiments.Definitions;

namespace Grains.Interfaces.Tests.Experiments;

public sealed class ExperimentValidatorVariantTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Validate_FewerThanTwoVariants_Rejected(int count) =>
        Assert.Contains(
            Validate(Bandit() with { Variants = [.. Bandit().Variants.Take(count)] }),
            e => e.Field == "variants" && e.Reason == $"has {count}; at least 2 are required");

    [Fact]
    public void Validate_MoreThanTwentyVariants_Rejected() =>
        AssertOnlyError(
            Bandit() with { Variants = [.. Enumerable.Range(0, 21).Select(i => new VariantDefinition { Name = $"v{i}" })] },
            "variants",
            "has 21; at most 20 are allowed");

    [Fact]
    public void Validate_DuplicateVariantNames_Rejected() =>
        AssertOnlyError(
            Bandit() with { Variants = [new() { Name = "blue" }, new() { Name = "green" }, new() { Name = "blue" }] },
            "variants[2].name",
            "'blue' is already the name of variants[0]");

    [Theory]
    [InlineData("", "is required")]
    [InlineData("Treatment", "lowercase identifier")]
    [InlineData("2nd", "lowercase identifier")]
    [InlineData("big-button", "lowercase identifier")]
    public void Validate_VariantNameNotAnIdentifier_Rejected(string name, string reason) =>
        AssertOnlyError(Bandit() with { Variants = [new() { Name = "blue" }, new() { Name = name }] }, "variants[1].name", reason);

    [Fact]
    public void Validate_AbWeightMissing_Rejected() =>
        AssertOnlyError(Ab() with { Variants = Variants(1.0, null) }, "variants[1].weight", "is required for an ab experiment");

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_AbWeightOutsideUnitInterval_Rejected(double weight) =>
        AssertOnlyError(Ab() with { Variants = Variants(0.5, weight) }, "variants[1].weight", "must lie in [0, 1]");

    [Theory]
    [InlineData(0.5, 0.4)]
    [InlineData(0.5, 0.5000001)]
    public void Validate_AbWeightsNotSummingToOne_Rejected(double first, double second) =>
        AssertOnlyError(Ab() with { Variants = Variants(first, second) }, "variants", "they must sum to 1");

    [Fact]
    public void Validate_AbWeightsSumToOneWithinRounding_Accepted() =>
        Assert.Empty(Validate(Ab() with { Variants = Variants(0.1, 0.2, 0.3, 0.4) }));

    [Fact]
    public void Validate_BanditVariantWithWeight_Rejected() =>
        AssertOnlyError(
            Bandit() with { Variants = [new() { Name = "blue", Weight = 0.5 }, new() { Name = "green" }] },
            "variants[0].weight",
            "must be absent: a bandit learns its split");

    [Theory]
    [InlineData("[1,2]", "is a JSON array; it must be an object")]
    [InlineData("\"on\"", "is a JSON string; it must be an object")]
    [InlineData("3", "is a JSON number; it must be an object")]
    public void Validate_ConfigNotAnObject_Rejected(string json, string reason) =>
        AssertOnlyError(
            Bandit() with { Variants = [new() { Name = "blue", Config = Json(json) }, new() { Name = "green" }] },
            "variants[0].config",
            reason);

    [Fact]
    public void Validate_ConfigOver8KiB_Rejected()
    {
        var config = Json($$"""{"text":"{{new string('x', 8_200)}}"}""");

        AssertOnlyError(
            Bandit() with { Variants = [new() { Name = "blue" }, new() { Name = "green", Config = config }] },
            "variants[1].config",
            "bytes serialized; at most 8192 are allowed");
    }

    [Fact]
    public void Validate_IndentedConfigUnder8KiBCompact_Accepted()
    {
        var entries = string.Join(",\n", Enumerable.Range(0, 600).Select(i => $"        \"k{i}\" :   {i}"));

        Assert.Empty(Validate(Bandit() with { Variants = [new() { Name = "blue", Config = Json($"{{\n{entries}\n}}") }, new() { Name = "green" }] }));
    }
}
