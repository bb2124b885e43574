using Runtime.Kafka;
using Xunit;

namespace Runtime.Tests.Kafka;

public sealed class KafkaClientConfigTests
{
    [Fact]
    public void Consumer_Defaults_PrefetchQueueHoldsMoreThanASecondOfWork()
    {
        var config = KafkaClientConfig.Consumer(new KafkaOptions { BootstrapServers = "localhost:9092" }, "group");

        // librdkafka's own default (100,000) is about 0.6 s of a silo's work; it then stops fetching for 1 s.
        Assert.Equal(500_000, config.QueuedMinMessages);
        Assert.Equal(256 * 1024, config.QueuedMaxMessagesKbytes);
        Assert.Equal("topic", config.Get("dotnet.consumer.consume.result.fields"));
    }

    [Fact]
    public void Consumer_QueueSetInClientSection_ClientSettingWins()
    {
        var options = new KafkaOptions { BootstrapServers = "localhost:9092" };
        options.Client["queued_min_messages"] = "20000";
        options.Client["queued.max.messages.kbytes"] = "65536";

        var config = KafkaClientConfig.Consumer(options, "group");

        Assert.Equal(20_000, config.QueuedMinMessages);
        Assert.Equal(65_536, config.QueuedMaxMessagesKbytes);
    }
}
