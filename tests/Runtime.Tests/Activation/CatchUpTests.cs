using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Log;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class CatchUpTests
{
    private const int Backlog = 50_000;

    [Fact]
    public async Task Takeover_LogHoldsRecordsPastTheCheckpoint_FirstCallSeesThemAll()
    {
        var cluster = RealServices.UniqueName("catchup");
        var first = await TestSilo.StartAsync(cluster);
        var (topic, partitions) = (first.Runtime.Topics.Events, first.Runtime.PartitionCount);
        await first.DisposeAsync();

        // Records the cluster has not applied yet, as a crashed owner leaves them: past the last checkpoint.
        await using (var producer = await TestSilo.StartAsync(RealServices.UniqueName("catchup-producer")))
        {
            var log = producer.Services.GetRequiredService<IPartitionedLog>();
            var value = JsonSerializer.SerializeToUtf8Bytes(new CounterEvent("backlog", 1), TestGrainsJsonContext.Default.CounterEvent);
            for (var i = 0; i < Backlog; i++)
            {
                log.Producer.Produce(topic, GrainPartitioner.PartitionOf("backlog", partitions), Encoding.UTF8.GetBytes("backlog"), value);
            }

            await log.Producer.FlushAsync(CancellationToken.None);
        }

        await using var successor = await TestSilo.StartAsync(cluster);
        var counter = await successor.Grains.GetGrain<ICounterGrain>("backlog").GetAsync();

        Assert.Equal(Backlog, counter.Sum);
    }
}
