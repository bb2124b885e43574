using Microsoft.Extensions.DependencyInjection;
using Runtime.Diagnostics;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class BackPressureTests
{
    [Fact]
    public async Task FlushInbox_PartitionQueueFull_ConsumerWaitIsCountedAndNothingIsLost()
    {
        var cluster = RealServices.UniqueName("backpressure");
        await using var silo = await TestSilo.StartAsync(cluster, settings: new Dictionary<string, string?>
        {
            // A queue of one record, taken one at a time: the consumer outruns the partition at once.
            ["Runtime:PartitionQueueCapacity"] = "1",
            ["Runtime:MaxBatchSize"] = "1",
        });
        await ClusterTestKit.ProduceAsync(silo, Enumerable.Range(0, 2_000).Select(_ => new CounterEvent("crowded", 1)));

        var grain = silo.Grains.GetGrain<ICounterGrain>("crowded");
        await Eventually.TrueAsync(async () => (await grain.GetAsync()).Sum == 2_000, ClusterTestKit.Patience, "every event is applied");
        var metrics = silo.Services.GetRequiredService<PrometheusExporter>().Render();
        Assert.True(MetricsText.Sum(metrics, "runtime_consumer_blocked_seconds_total") > 0, $"the consumer's waits are counted:\n{metrics}");
    }
}
