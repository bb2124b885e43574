using System.Text.Json;
using Grains.Interfaces.Experiments;

namespace Grains.Interfaces.Tests.Experiments;

public sealed class ExperimentDefinitionJsonTests
{
    [Fact]
    public void Deserialize_MinimalJson_FillsDefaults()
    {
        var definition = Read("""{"id":"exp-1","type":"ab","variants":[{"name":"control","weight":0.5},{"name":"treatment","weight":0.5}]}""");

        Assert.Equal("exp-1", definition.EffectiveSalt());
        Assert.Equal(1, definition.TrafficAllocation);
        Assert.Equal(0, definition.Holdout);
        Assert.Equal("conversion", definition.RewardEventType);
        Assert.Equal(RewardKinds.Binary, definition.RewardKind);
        Assert.Equal(TimeSpan.FromDays(1), definition.AttributionWindow());
        Assert.Equal(ExperimentStatuses.Running, definition.Status);
        Assert.Empty(definition.Targeting);
        Assert.Null(definition.Layer);
        Assert.Empty(ExperimentValidator.Validate(definition));
    }

    [Fact]
    public void Serialize_Definition_CamelCaseAndRoundTrips()
    {
        var definition = Definitions.Bandit() with { Salt = "s1", Version = 3, UpdatedAt = new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero) };

        var json = JsonSerializer.Serialize(definition, GrainsJsonContext.Default.ExperimentDefinition);
        var back = JsonSerializer.Deserialize(json, GrainsJsonContext.Default.ExperimentDefinition)!;

        Assert.Contains("\"attributionWindowSeconds\":86400", json, StringComparison.Ordinal);
        Assert.Contains("\"discountHalfLifeSeconds\":86400", json, StringComparison.Ordinal);
        Assert.Contains("\"segmentBy\":[\"device\"]", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(back, GrainsJsonContext.Default.ExperimentDefinition));
    }

    [Fact]
    public void Deserialize_VariantConfig_KeptAsJsonObject()
    {
        var definition = Read("""{"id":"e","type":"ab","variants":[{"name":"a","weight":1,"config":{"color":"red","size":3}}]}""");

        var config = definition.Variants[0].Config!.Value;
        Assert.Equal("red", config.GetProperty("color").GetString());
        Assert.Equal(3, config.GetProperty("size").GetInt32());
    }

    [Fact]
    public void Deserialize_NumericTargetingValue_KeptAsNumber()
    {
        var definition = Read("""{"id":"e","type":"ab","variants":[],"targeting":[{"attribute":"totalEvents","operator":"gte","value":10}]}""");

        Assert.Equal(10, definition.Targeting[0].Value!.Value.GetDouble());
    }

    [Fact]
    public void Deserialize_LayerWithNameOnly_SpansTheWholeLayer()
    {
        var definition = Read("""{"id":"e","type":"ab","variants":[],"layer":{"name":"homepage"}}""");

        Assert.Equal((0, LayerAllocation.BucketCount), (definition.Layer!.Start, definition.Layer.End));
    }

    private static ExperimentDefinition Read(string json) =>
        JsonSerializer.Deserialize(json, GrainsJsonContext.Default.ExperimentDefinition)!;
}
