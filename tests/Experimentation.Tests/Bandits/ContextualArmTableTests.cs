using System.Text.Json;
using Experimentation.Bandits;

namespace Experimentation.Tests.Bandits;

public sealed class ContextualArmTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly BanditSettings Settings = new() { BurnInTrials = 100, MinSegmentTrials = 200, MaxSegments = 10 };

    [Fact]
    public void PolicyFor_SegmentsPreferringDifferentArms_EachFavoursItsOwnBestArm()
    {
        var table = new ContextualArmTable(2, Settings);
        var random = new Random(9);
        Simulate(table, "device=mobile", [0.10, 0.05], 3_000, random);
        Simulate(table, "device=desktop", [0.05, 0.10], 3_000, random);

        var mobile = table.PolicyFor("device=mobile", new Random(1));
        var desktop = table.PolicyFor("device=desktop", new Random(1));

        Assert.True(table.UsesSegment("device=mobile"));
        Assert.Equal(0, mobile.LeadingArm);
        Assert.True(mobile.Probabilities[0] > 0.9);
        Assert.Equal(1, desktop.LeadingArm);
        Assert.True(desktop.Probabilities[1] > 0.9);
    }

    [Fact]
    public void StatisticsFor_SegmentBelowMinTrials_UsesGlobal()
    {
        var table = new ContextualArmTable(2, Settings);
        Simulate(table, "country=de", [0.1, 0.1], 1_000, new Random(1));
        Simulate(table, "country=fr", [0.1, 0.1], 150, new Random(2));

        Assert.False(table.UsesSegment("country=fr"));
        Assert.Equal(table.Global, table.StatisticsFor("country=fr"));
        Assert.Equal(150, table.TrackedSegment("country=fr")![0].Trials);
        Assert.Equal(table.Global, table.StatisticsFor(null));
    }

    [Fact]
    public void Record_BeyondMaxSegments_CountsOnlyGlobally()
    {
        var table = new ContextualArmTable(2, Settings with { MaxSegments = 1 });

        table.Record("a", 0, ArmStatistics.ForOutcome(true), Start);
        table.Record("b", 1, ArmStatistics.ForOutcome(true), Start);

        Assert.Equal(1, table.SegmentCount);
        Assert.Null(table.TrackedSegment("b"));
        Assert.Equal(1, table.Global[1].Trials);
    }

    [Fact]
    public void AdvanceTo_OneHalfLife_HalvesStatistics()
    {
        var table = new ContextualArmTable(1, Settings with { DiscountHalfLife = TimeSpan.FromHours(1) });
        table.Record("s", 0, new ArmStatistics(100, 10, 10, 10), Start);

        table.AdvanceTo(Start.AddHours(1));

        Assert.Equal(new ArmStatistics(50, 5, 5, 5), table.Global[0]);
        Assert.Equal(50, table.TrackedSegment("s")![0].Trials, 12);
        Assert.Equal(Start.AddHours(1), table.AsOf);
    }

    [Fact]
    public void Record_LateObservation_WeighsByItsAge()
    {
        var table = new ContextualArmTable(1, Settings with { DiscountHalfLife = TimeSpan.FromHours(1) });
        table.Record(null, 0, ArmStatistics.ForOutcome(true), Start.AddHours(2));

        table.Record(null, 0, ArmStatistics.ForOutcome(false), Start);

        Assert.Equal(1.25, table.Global[0].Trials, 12);
        Assert.Equal(1, table.Global[0].Successes, 12);
    }

    [Fact]
    public void Record_ThousandsOfHalfLives_StaysFiniteAndMatchesGeometricSum()
    {
        var table = new ContextualArmTable(1, Settings with { DiscountHalfLife = TimeSpan.FromMinutes(1) });

        for (var minute = 0; minute < 5_000; minute++)
        {
            table.Record("s", 0, ArmStatistics.ForOutcome(true), Start.AddMinutes(minute));
        }

        // Σ 0.5^k over k = 0 … 4999.
        Assert.Equal(2, table.Global[0].Trials, 9);
        Assert.Equal(2, table.TrackedSegment("s")![0].Successes, 9);
    }

    [Fact]
    public void FromData_JsonRoundTrip_RestoresStatistics()
    {
        var settings = Settings with { DiscountHalfLife = TimeSpan.FromHours(3) };
        var table = new ContextualArmTable(3, settings);
        Simulate(table, "device=mobile", [0.1, 0.2, 0.3], 500, new Random(4));
        table.Record("device=tv", 2, ArmStatistics.ForValue(12.5), Start.AddHours(5));

        var json = JsonSerializer.Serialize(table.ToData());
        var restored = ContextualArmTable.FromData(JsonSerializer.Deserialize<ArmTableData>(json)!, settings);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToData()));
        Assert.Equal(table.AsOf, restored.AsOf);
        Assert.Equal(2, restored.SegmentCount);
        Assert.Equal(table.Global, restored.Global);
    }

    [Fact]
    public void FromData_WrongLength_ThrowsNamingScope()
    {
        var data = new ArmTableData { ArmCount = 2, Global = new double[8], Segments = new() { ["x"] = new double[7] } };

        var exception = Assert.Throws<ArgumentException>(() => ContextualArmTable.FromData(data, Settings));

        Assert.Contains("segment 'x' has 7 values", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_ArmOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ContextualArmTable(2, Settings).Record(null, 2, ArmStatistics.ForOutcome(true), Start));

    private static void Simulate(ContextualArmTable table, string segment, double[] rates, int trialsPerArm, Random random)
    {
        for (var trial = 0; trial < trialsPerArm; trial++)
        {
            for (var arm = 0; arm < rates.Length; arm++)
            {
                table.Record(segment, arm, ArmStatistics.ForOutcome(random.NextDouble() < rates[arm]), Start.AddSeconds(trial));
            }
        }
    }
}
