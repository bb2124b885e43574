using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Runtime.Kafka;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>The benchmark's own Kafka clients: the producer that fills a topic and the raw consumer the silo is compared with.</summary>
internal static class RawKafka
{
    public static void Produce(RealServices services, string topic, int events, int users)
    {
        var config = new ProducerConfig { BootstrapServers = services.KafkaBootstrapServers, LingerMs = 20, BatchNumMessages = 10_000 };
        Apply(config, services);
        config.Set("partitioner", "murmur2_random");
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 0; i < events; i++)
        {
            var user = "u" + (i % users).ToString(CultureInfo.InvariantCulture);
            var value = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                new InteractionEvent
                {
                    EventId = "e" + i.ToString(CultureInfo.InvariantCulture),
                    UserId = user,
                    Type = (i % 10) switch { 0 => "purchase", < 4 => "click", _ => "view" },
                    Timestamp = start.AddMilliseconds(i),
                    ItemId = "item" + (i % 500).ToString(CultureInfo.InvariantCulture),
                    Category = "cat" + (i % 20).ToString(CultureInfo.InvariantCulture),
                    Value = i % 10 == 0 ? 9.99 : null,
                },
                GrainsJsonContext.Default.InteractionEvent);
            while (true)
            {
                try
                {
                    producer.Produce(topic, new Message<string, byte[]> { Key = user, Value = value });
                    break;
                }
                catch (ProduceException<string, byte[]> exception) when (exception.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(2));
    }

    /// <summary>A bare consumer-group member reading every record once: the ceiling for any pipeline. Returns wall and process CPU time.</summary>
    public static (TimeSpan Elapsed, TimeSpan Cpu) Consume(RealServices services, string topic, int events)
    {
        var options = new KafkaOptions { BootstrapServers = services.KafkaBootstrapServers };
        foreach (var (key, value) in services.KafkaClientProperties)
        {
            options.Client[key] = value;
        }

        // The silo consumer's own configuration, so the two sides differ only in what they do with a record.
        var config = KafkaClientConfig.Consumer(options, $"{topic}.raw-bench");
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(topic);
        var seen = 0;
        Stopwatch? clock = null;
        var cpu = TimeSpan.Zero;
        while (seen < events)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(1));
            if (result?.Message is null)
            {
                continue;
            }

            // Timed from the first record, so group-join time does not count for either side.
            if (clock is null)
            {
                clock = Stopwatch.StartNew();
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
            }

            seen++;
        }

        var elapsed = clock!.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        consumer.Close();
        return (elapsed, cpu);
    }

    /// <summary>The broker-specific client settings from the environment (old protocol versions, security).</summary>
    public static void Apply(ClientConfig config, RealServices services)
    {
        foreach (var (key, value) in services.KafkaClientProperties)
        {
            config.Set(key, value);
        }
    }
}
