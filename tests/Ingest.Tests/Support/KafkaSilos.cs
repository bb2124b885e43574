using Ingest.Hosting;
using Ingest.Kafka;
using Ingest.Placement;
using Ingest.TestGrains;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TestInfrastructure;

namespace Ingest.Tests.Support;

/// <summary>In-process silos that each run Kafka ingest of one topic into the counting grains, with PostgreSQL checkpoints.</summary>
public static class KafkaSilos
{
    public static InProcessTestCluster Build(string cluster, string topic, short silos)
    {
        var settings = new Dictionary<string, string?>(RealServices.Instance.ConfigurationKeys)
        {
            ["Ingest:ClusterName"] = cluster,
            ["Ingest:Topic"] = topic,
            ["Ingest:MaxBatchSize"] = "50",
        };
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorageAsDefault().AddPartitionLocalPlacement());
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services
                .AddIngest<ICountingGrain, CountEvent, TestDecoder>(host.Configuration)
                .AddPostgresCheckpoints(RealServices.Instance.PostgresConnectionString)
                .AddOutboxGrainTarget<ICreditGrain>(CountingGrain.CreditKind)
                .AddKafkaIngest(host.Configuration);
        });
        return builder.Build();
    }
}
