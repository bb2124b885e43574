using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Log;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Hosting;

/// <summary>Small helpers shared by the cluster tests: producing counter events and waiting for ownership.</summary>
public static class ClusterTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Produces counter events to the partition of their key (the Java/murmur2 partitioner), or to <paramref name="partitionOverride"/>.</summary>
    public static async Task ProduceAsync(TestSilo silo, IEnumerable<CounterEvent> events, Func<string, int>? partitionOverride = null)
    {
        var log = silo.Services.GetRequiredService<IPartitionedLog>();
        var topic = silo.Runtime.Topics.Events;
        foreach (var counterEvent in events)
        {
            var partition = partitionOverride?.Invoke(counterEvent.Key) ?? GrainPartitioner.PartitionOf(counterEvent.Key, silo.Runtime.PartitionCount);
            log.Producer.Produce(topic, partition, System.Text.Encoding.UTF8.GetBytes(counterEvent.Key), JsonSerializer.SerializeToUtf8Bytes(counterEvent, TestGrainsJsonContext.Default.CounterEvent));
        }

        await log.Producer.FlushAsync(CancellationToken.None);
    }

    /// <summary>Produces a raw value to a partition of the events topic.</summary>
    public static async Task ProduceRawAsync(TestSilo silo, int partition, string? key, byte[] value)
    {
        var log = silo.Services.GetRequiredService<IPartitionedLog>();
        await log.Producer.ProduceAsync(silo.Runtime.Topics.Events, partition, key is null ? null : System.Text.Encoding.UTF8.GetBytes(key), value, CancellationToken.None);
    }

    /// <summary>Waits until the silos together own every partition exactly once and each owns at least one.</summary>
    public static Task WaitForSplitAsync(params TestSilo[] silos) =>
        Eventually.TrueAsync(
            () =>
            {
                var owned = silos.Select(s => s.Runtime.Partitions().Where(p => p.Status == "running").Select(p => p.Partition).ToList()).ToList();
                var all = owned.SelectMany(p => p).ToList();
                return owned.All(p => p.Count > 0) && all.Count == silos[0].Runtime.PartitionCount && all.Distinct().Count() == all.Count;
            },
            Patience,
            "partitions split across the silos");

    /// <summary>Waits until every directory of every silo agrees on the owners.</summary>
    public static Task WaitForDirectoryAsync(params TestSilo[] silos) =>
        Eventually.TrueAsync(
            () =>
            {
                foreach (var silo in silos)
                {
                    var owners = silos.SelectMany(s => s.Runtime.Partitions().Select(p => (p.Partition, s.Runtime.AddressUri))).ToList();
                    if (owners.Any(o => silo.Runtime.Directory?.OwnerOf(o.Partition) != o.AddressUri))
                    {
                        return false;
                    }
                }

                return true;
            },
            Patience,
            "directories agree on partition owners");

    /// <summary>Waits until every key's counter reports its expected event count through <paramref name="silo"/>.</summary>
    public static async Task WaitForCountsAsync(TestSilo silo, IReadOnlyDictionary<string, long> expectedEvents)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var (key, expected) in expectedEvents)
                {
                    if ((await silo.Grains.GetGrain<ICounterGrain>(key).GetAsync()).Events < expected)
                    {
                        return false;
                    }
                }

                return true;
            },
            Patience,
            "every counter reached its expected event count");
    }
}
