using Ingest.Hosting;
using Ingest.Kafka;
using Ingest.Processing;
using Ingest.Tests.Support;
using Ingest.TestGrains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Tests.Hosting;

public sealed class IngestOptionsValidatorTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddIngest<ICountingGrain, CountEvent, TestDecoder>(configuration)
            .AddKafkaIngest(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public void Value_BatchSizeZero_FailsNamingKeyValueAndRule()
    {
        using var services = Build(new() { ["Cluster:Name"] = "c1", ["Ingest:MaxBatchSize"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IngestOptions>>().Value);

        Assert.Contains("Ingest:MaxBatchSize = 0: must be between 1 and 100000.", failure.Failures);
    }

    [Fact]
    public void Value_NoClusterName_DefaultsToClusterNameKey()
    {
        using var services = Build(new() { ["Cluster:Name"] = "c1" });

        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;

        Assert.Equal(("c1", "c1.dead-letters"), (options.ClusterName, options.DeadLetterTopic));
    }

    [Fact]
    public void Value_KafkaWithoutBootstrapServers_FailsNamingTheKey()
    {
        using var services = Build(new() { ["Cluster:Name"] = "c1", ["Kafka:Client:api.version.request"] = "false" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KafkaOptions>>().Value);

        Assert.Contains("Kafka:BootstrapServers = '': must name at least one host:port.", failure.Failures);
    }

    [Fact]
    public void ClientProperties_UnderscoredEnvironmentKeys_BecomeLibrdkafkaProperties()
    {
        using var services = Build(new() { ["Kafka:BootstrapServers"] = "b:9092", ["Kafka:Client:broker_version_fallback"] = "0.9.0.1" });

        var options = services.GetRequiredService<IOptions<KafkaOptions>>().Value;

        Assert.Equal([KeyValuePair.Create("broker.version.fallback", "0.9.0.1")], options.ClientProperties());
    }
}
