using Grains.Client;

namespace Api.Tests.Client;

public sealed class ClusterClientOptionsTests
{
    [Fact]
    public void Validate_OneHttpSeed_IsValid()
    {
        Assert.Empty(new ClusterClientOptions { Seeds = [new Uri("http://127.0.0.1:5000")] }.Validate());
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEachOption()
    {
        var options = new ClusterClientOptions
        {
            Seeds = [new Uri("ftp://example.org")],
            ApiKey = "has space",
            RequestTimeout = TimeSpan.Zero,
            RetryTimeout = TimeSpan.FromSeconds(-1),
            Contracts = [],
        };

        var failures = options.Validate();

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Seeds contains 'ftp://example.org/'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ApiKey", StringComparison.Ordinal) && !f.Contains("has space", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("RequestTimeout is 00:00:00", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("RetryTimeout is -00:00:01", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Contracts is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_NoSeeds_ThrowsNamingSeeds()
    {
        var failure = Assert.Throws<ArgumentException>(() => new ClusterClient(new ClusterClientOptions()));

        Assert.Contains("Seeds is empty", failure.Message, StringComparison.Ordinal);
    }
}
