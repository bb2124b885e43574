using Confluent.Kafka;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>
/// How many partitions the broker already holds. Every run leaves its clusters' topics behind (Kafka
/// 0.9 has no DeleteTopics request), and a broker that had gathered about 4,000 partitions over 13
/// runs slowed the silo rounds by a third (149,000–197,000 events/s against 245,000–317,000 on a
/// fresh broker, same build), the raw consumer much less.
/// </summary>
internal static class BrokerLoad
{
    private const int Crowded = 1_000;

    public static void Report(RealServices services)
    {
        var config = new AdminClientConfig { BootstrapServers = services.KafkaBootstrapServers };
        RawKafka.Apply(config, services);
        using var admin = new AdminClientBuilder(config).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(30));
        var partitions = metadata.Topics.Sum(topic => topic.Partitions.Count);
        Console.WriteLine($"the broker holds {metadata.Topics.Count:N0} topics with {partitions:N0} partitions before this run");
        if (partitions > Crowded)
        {
            Console.WriteLine("  (more than 1,000 partitions left by earlier runs slow the silo rounds: `scripts/deps reset` starts the broker and the tables afresh)");
        }
    }
}
