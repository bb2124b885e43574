using Grains.Interfaces.Experiments;
using static Grains.Interfaces.Tests.Experiments.Definitions;

namespace Grains.Interfaces.Tests.Experiments;

public sealed class ExperimentValidatorTargetingTests
{
    [Theory]
    [InlineData("""{"attribute":"device","operator":"eq","value":"ios"}""")]
    [InlineData("""{"attribute":"totalEvents","operator":"neq","value":0}""")]
    [InlineData("""{"attribute":"location","operator":"not_in","values":["SG","MY"]}""")]
    [InlineData("""{"attribute":"engagementScore","operator":"lt","value":0.5}""")]
    [InlineData("""{"attribute":"custom.plan","operator":"exists"}""")]
    [InlineData("""{"attribute":"banned","operator":"not_exists"}""")]
    public void Validate_WellFormedCondition_Accepted(string json) => Assert.Empty(Validate(With(json)));

    [Theory]
    [InlineData("contains")]
    [InlineData("EQ")]
    [InlineData("")]
    public void Validate_UnknownOperator_Rejected(string op) =>
        AssertOnlyError(
            Ab() with { Targeting = [new() { Attribute = "device", Operator = op, Value = Json("\"ios\"") }] },
            "targeting[0].operator",
            $"'{op}' is not one of: eq, neq, in, not_in, gt, gte, lt, lte, exists, not_exists");

    [Theory]
    [InlineData("""{"attribute":"","operator":"exists"}""", "targeting[0].attribute", "is required")]
    [InlineData("""{"attribute":"device type","operator":"exists"}""", "targeting[0].attribute", "letters, digits")]
    [InlineData("""{"attribute":"totalEvents","operator":"gt","value":"10"}""", "targeting[0].value", "must be a number for gt")]
    [InlineData("""{"attribute":"totalEvents","operator":"lte"}""", "targeting[0].value", "must be a number for lte")]
    [InlineData("""{"attribute":"device","operator":"eq"}""", "targeting[0].value", "must be a string or a number for eq")]
    [InlineData("""{"attribute":"device","operator":"neq","value":["a"]}""", "targeting[0].value", "must be a string or a number for neq")]
    [InlineData("""{"attribute":"device","operator":"in","value":"ios","values":["ios"]}""", "targeting[0].value", "must be absent for in")]
    [InlineData("""{"attribute":"device","operator":"in","values":[]}""", "targeting[0].values", "at least one value")]
    [InlineData("""{"attribute":"device","operator":"eq","value":"ios","values":["a"]}""", "targeting[0].values", "must be absent for eq")]
    [InlineData("""{"attribute":"device","operator":"exists","value":"ios"}""", "targeting[0].value", "must be absent for exists")]
    public void Validate_MalformedCondition_Rejected(string json, string field, string reason) => AssertOnlyError(With(json), field, reason);

    [Fact]
    public void Validate_TooManyConditions_Rejected() =>
        AssertOnlyError(
            Ab() with { Targeting = [.. Enumerable.Range(0, 21).Select(i => new TargetingCondition { Attribute = $"a{i}", Operator = "exists" })] },
            "targeting",
            "has 21 conditions; at most 20 are allowed");

    [Fact]
    public void Validate_TooManySetValues_Rejected() =>
        AssertOnlyError(
            Ab() with { Targeting = [new() { Attribute = "location", Operator = "in", Values = [.. Enumerable.Range(0, 101).Select(i => $"c{i}")] }] },
            "targeting[0].values",
            "has 101 entries; at most 100 are allowed");

    private static ExperimentDefinition With(string conditionJson) =>
        Ab() with { Targeting = [System.Text.Json.JsonSerializer.Deserialize(conditionJson, GrainsJsonContext.Default.TargetingCondition)!] };
}
