using Dashboard.History;

namespace Dashboard.Tests.History;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0.50, 0.500)]
    [InlineData(0.99, 0.990)]
    [InlineData(1.00, 1.000)]
    public void Quantile_OneToThousandMilliseconds_WithinFivePercent(double quantile, double expectedSeconds)
    {
        var histogram = new LatencyHistogram();
        var before = histogram.Snapshot();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(ms / 1000.0);
        }

        var value = LatencyHistogram.Quantile(before, histogram.Snapshot(), quantile);

        Assert.InRange(value!.Value, expectedSeconds * 0.95, expectedSeconds * 1.05);
    }

    [Fact]
    public void Quantile_BetweenSnapshots_SeesOnlyThatInterval()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 100; i++)
        {
            histogram.Record(0.001);
        }

        var middle = histogram.Snapshot();
        for (var i = 0; i < 100; i++)
        {
            histogram.Record(0.2);
        }

        var value = LatencyHistogram.Quantile(middle, histogram.Snapshot(), 0.5);

        Assert.InRange(value!.Value, 0.19, 0.21);
    }

    [Fact]
    public void Quantile_NothingRecorded_IsNull()
    {
        var histogram = new LatencyHistogram();

        Assert.Null(LatencyHistogram.Quantile(histogram.Snapshot(), histogram.Snapshot(), 0.99));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(1e9, LatencyHistogram.BucketCount - 1)]
    public void BucketOf_OutOfRange_Clamped(double seconds, int expected)
    {
        Assert.Equal(expected, LatencyHistogram.BucketOf(seconds));
    }
}
