using Experimentation.Targeting;

namespace Experimentation.Tests.Targeting;

public sealed class TargetingRuleTests
{
    [Theory]
    [InlineData(TargetingOperator.Eq, 0)]
    [InlineData(TargetingOperator.Gt, 2)]
    [InlineData(TargetingOperator.In, 0)]
    [InlineData(TargetingOperator.Exists, 1)]
    public void Constructor_WrongNumberOfValues_Throws(TargetingOperator op, int count) =>
        Assert.Throws<ArgumentException>(() => new TargetingRule("a", op, [.. Enumerable.Repeat("1", count)]));

    [Fact]
    public void Constructor_EmptyAttribute_Throws() =>
        Assert.Throws<ArgumentException>(() => new TargetingRule("", TargetingOperator.Exists));

    [Fact]
    public void NumberAt_NumericAndTextValues_ParsesInvariantNumbersOnly()
    {
        var rule = new TargetingRule("a", TargetingOperator.In, "1.5", "1e3", "abc", "NaN");

        Assert.Equal(1.5, rule.NumberAt(0));
        Assert.Equal(1000, rule.NumberAt(1));
        Assert.True(double.IsNaN(rule.NumberAt(2)));
        Assert.True(double.IsNaN(rule.NumberAt(3)));
    }

    [Theory]
    [InlineData("eq", TargetingOperator.Eq)]
    [InlineData("not_in", TargetingOperator.NotIn)]
    [InlineData("not_exists", TargetingOperator.NotExists)]
    [InlineData("lte", TargetingOperator.Lte)]
    public void TryParse_WireName_GivesOperatorAndBack(string name, TargetingOperator expected)
    {
        Assert.True(TargetingOperatorNames.TryParse(name, out var op));
        Assert.Equal(expected, op);
        Assert.Equal(name, TargetingOperatorNames.NameOf(op));
    }

    [Theory]
    [InlineData("EQ")]
    [InlineData("contains")]
    [InlineData(null)]
    public void TryParse_UnknownName_False(string? name) =>
        Assert.False(TargetingOperatorNames.TryParse(name, out _));

    [Fact]
    public void NameOf_EveryOperator_HasAName() =>
        Assert.All(Enum.GetValues<TargetingOperator>(), op => Assert.NotEmpty(TargetingOperatorNames.NameOf(op)));
}
