using System.Globalization;
using Grains.Decisions;
using Grains.Interfaces.Events;
using Microsoft.Extensions.DependencyInjection;
using TestInfrastructure;

namespace Experiment.Bench;

/// <summary>
/// Managed memory per cached user grain: the heap after every user's grain is active (state, feature
/// model, activation) minus the heap before, over the number of users. Each user gets a realistic
/// mix: several event types, categories, items and two sessions.
/// </summary>
internal static class Memory
{
    private static readonly string[] Types = ["view", "view", "view", "click", "like", "add_to_cart", "purchase"];

    public static async Task RunAsync(int users, int eventsPerUser)
    {
        await using var cluster = await BenchCluster.StartAsync("memory", silos: 1, seed: 3);
        var before = Heap();
        var log = cluster.First.GetRequiredService<ExposureLog>();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(9);
        for (var u = 0; u < users; u++)
        {
            for (var e = 0; e < eventsPerUser; e++)
            {
                log.Append(new InteractionEvent
                {
                    EventId = $"m-{u}-{e}",
                    UserId = $"mem-{u}",
                    Type = Types[random.Next(Types.Length)],
                    Timestamp = now.AddMinutes(-45 + (e * 3)),
                    SessionId = e < eventsPerUser / 2 ? "s1" : "s2",
                    ItemId = $"item-{random.Next(500)}",
                    Category = $"cat-{random.Next(12)}",
                    Value = random.Next(100),
                });
            }
        }

        await cluster.Runtime.Producer.FlushAsync(CancellationToken.None);
        var topic = cluster.Runtime.Topics.Events;
        await Eventually.TrueAsync(
            () => cluster.Runtime.Partitions().Sum(p => p.Positions.GetValueOrDefault(topic)) >= (long)users * eventsPerUser,
            TimeSpan.FromMinutes(5),
            "every event applied and checkpointed");
        var activations = cluster.Runtime.Partitions().Sum(p => p.ActivationsByType.GetValueOrDefault("user"));
        var after = Heap();
        Console.WriteLine("| Users (active grains) | Events per user | Heap before (MB) | Heap after (MB) | Bytes per user grain |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {users:N0} ({activations:N0}) | {eventsPerUser} | {before / 1e6:N1} | {after / 1e6:N1} | {(after - before) / (double)users:N0} |"));
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
