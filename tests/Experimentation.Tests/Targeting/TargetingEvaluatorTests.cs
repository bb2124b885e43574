using Experimentation.Targeting;

namespace Experimentation.Tests.Targeting;

public sealed class TargetingEvaluatorTests
{
    private static readonly TargetingContext User = new(
        new Dictionary<string, string> { ["device"] = "iOS", ["location"] = "FR", ["age"] = "34", ["plan"] = "pro" },
        new Dictionary<string, double> { ["totalEvents"] = 42, ["engagementScore"] = 0.75 });

    [Theory]
    [InlineData("device", TargetingOperator.Eq, "ios", true)]
    [InlineData("device", TargetingOperator.Eq, "android", false)]
    [InlineData("device", TargetingOperator.Neq, "android", true)]
    [InlineData("device", TargetingOperator.Neq, "IOS", false)]
    [InlineData("totalEvents", TargetingOperator.Eq, "42", true)]
    [InlineData("totalEvents", TargetingOperator.Eq, "42.0", true)]
    [InlineData("totalEvents", TargetingOperator.Eq, "forty-two", false)]
    [InlineData("age", TargetingOperator.Eq, "34.0", true)]
    [InlineData("totalEvents", TargetingOperator.Gt, "41", true)]
    [InlineData("totalEvents", TargetingOperator.Gt, "42", false)]
    [InlineData("totalEvents", TargetingOperator.Gte, "42", true)]
    [InlineData("totalEvents", TargetingOperator.Lt, "42", false)]
    [InlineData("engagementScore", TargetingOperator.Lt, "0.8", true)]
    [InlineData("engagementScore", TargetingOperator.Lte, "0.75", true)]
    [InlineData("age", TargetingOperator.Gte, "18", true)]
    [InlineData("device", TargetingOperator.Gt, "1", false)]
    [InlineData("totalEvents", TargetingOperator.Gt, "many", false)]
    public void Matches_SingleValueRule_ComparesTextOrNumbers(string attribute, TargetingOperator op, string value, bool expected) =>
        Assert.Equal(expected, TargetingEvaluator.Matches(new TargetingRule(attribute, op, value), User));

    [Theory]
    [InlineData("location", TargetingOperator.In, true, "SG", "fr", "TH")]
    [InlineData("location", TargetingOperator.In, false, "SG", "MY")]
    [InlineData("location", TargetingOperator.NotIn, true, "SG", "MY")]
    [InlineData("location", TargetingOperator.NotIn, false, "FR")]
    [InlineData("totalEvents", TargetingOperator.In, true, "1", "42")]
    public void Matches_SetRule_TestsMembership(string attribute, TargetingOperator op, bool expected, params string[] values) =>
        Assert.Equal(expected, TargetingEvaluator.Matches(new TargetingRule(attribute, op, values), User));

    [Theory]
    [InlineData(TargetingOperator.Exists, "device", true)]
    [InlineData(TargetingOperator.Exists, "totalEvents", true)]
    [InlineData(TargetingOperator.Exists, "country", false)]
    [InlineData(TargetingOperator.NotExists, "country", true)]
    [InlineData(TargetingOperator.NotExists, "engagementScore", false)]
    public void Matches_PresenceRule_ChecksAttributesAndFeatures(TargetingOperator op, string attribute, bool expected) =>
        Assert.Equal(expected, TargetingEvaluator.Matches(new TargetingRule(attribute, op), User));

    [Theory]
    [InlineData(TargetingOperator.Eq, "x")]
    [InlineData(TargetingOperator.Neq, "x")]
    [InlineData(TargetingOperator.In, "x")]
    [InlineData(TargetingOperator.NotIn, "x")]
    [InlineData(TargetingOperator.Gt, "1")]
    [InlineData(TargetingOperator.Lte, "1")]
    public void Matches_MissingAttribute_Fails(TargetingOperator op, string value) =>
        Assert.False(TargetingEvaluator.Matches(new TargetingRule("country", op, value), User));

    [Fact]
    public void Matches_AllRulesHold_True()
    {
        TargetingRule[] rules =
        [
            new("device", TargetingOperator.In, "ios", "android"),
            new("totalEvents", TargetingOperator.Gte, "10"),
            new("banned", TargetingOperator.NotExists),
        ];

        Assert.True(TargetingEvaluator.Matches(rules, User));
    }

    [Fact]
    public void Matches_OneRuleFails_False()
    {
        TargetingRule[] rules = [new("device", TargetingOperator.Eq, "ios"), new("engagementScore", TargetingOperator.Gt, "0.9")];

        Assert.False(TargetingEvaluator.Matches(rules, User));
    }

    [Fact]
    public void Matches_NoRules_True() =>
        Assert.True(TargetingEvaluator.Matches([], TargetingContext.Empty));

    [Fact]
    public void Matches_NameInAttributesAndFeatures_AttributeWins()
    {
        var context = new TargetingContext(new Dictionary<string, string> { ["score"] = "low" }, new Dictionary<string, double> { ["score"] = 5 });

        Assert.True(TargetingEvaluator.Matches(new TargetingRule("score", TargetingOperator.Eq, "low"), context));
        Assert.False(TargetingEvaluator.Matches(new TargetingRule("score", TargetingOperator.Gt, "1"), context));
    }
}
