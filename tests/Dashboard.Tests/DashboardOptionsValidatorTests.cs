namespace Dashboard.Tests;

public sealed class DashboardOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions());

        Assert.True(result.Succeeded);
        Assert.Equal(1800, new DashboardOptions().Capacity);
    }

    [Theory]
    [InlineData("00:00:00", "Dashboard:SampleInterval")]
    [InlineData("00:00:00.050", "Dashboard:SampleInterval")]
    [InlineData("00:02:00", "Dashboard:SampleInterval")]
    public void Validate_SampleIntervalOutOfRange_NamesTheKey(string interval, string key)
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions { SampleInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooManySamples_Fails()
    {
        var options = new DashboardOptions { SampleInterval = TimeSpan.FromMilliseconds(100), HistoryWindow = TimeSpan.FromHours(24) };

        var result = new DashboardOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:HistoryWindow", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonPositivePeerTimeout_Fails()
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions { PeerTimeout = TimeSpan.Zero });

        Assert.Contains("Dashboard:PeerTimeout", result.FailureMessage, StringComparison.Ordinal);
    }
}
