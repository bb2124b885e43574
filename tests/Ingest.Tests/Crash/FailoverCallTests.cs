using System.Collections.Concurrent;
using Ingest.TestGrains;
using Orleans.Runtime.Messaging;
using TestInfrastructure;
using Xunit.Abstractions;

namespace Ingest.Tests.Crash;

/// <summary>What an outside client sees of a silo crash: a clear retryable error at worst, then service again.</summary>
public sealed class FailoverCallTests(ITestOutputHelper output)
{
    private const int Keys = 40;

    [Fact]
    public async Task GrainCall_SiloKilledDuringCalls_FailsOnlyRetryablyAndSucceedsAgain()
    {
        await using var cluster = await CrashCluster.CreateAsync(0, Keys, 1);
        var survivor = cluster.StartSilo("call-survivor");
        var victim = cluster.StartSilo("call-victim");
        await cluster.WaitReadyAsync(survivor, victim);
        await cluster.ConnectClientAsync();
        var failures = new ConcurrentBag<Exception>();
        await Eventually.TrueAsync(() => CallEveryKeyAsync(cluster, failures), CrashCluster.Patience, "every grain answers before the crash");
        var onVictim = await ActivationsOnAsync(cluster, cluster.SiloPort(victim));

        // Calls keep going while the victim dies and Orleans declares it dead.
        using var stop = new CancellationTokenSource();
        var calling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await CallEveryKeyAsync(cluster, failures);
            }
        });
        victim.KillHard();
        await Eventually.TrueAsync(async () => await ClusterTables.ActiveSilosAsync(cluster.Name) == 1, CrashCluster.Patience, "Orleans declares the victim dead");
        await Eventually.TrueAsync(() => CallEveryKeyAsync(cluster, failures), CrashCluster.Patience, "every grain answers again after the failover");
        await stop.CancelAsync();
        await calling;

        output.WriteLine($"{onVictim} of {Keys} grains lived on the victim; {failures.Count} calls failed: {string.Join(", ", failures.GroupBy(f => f.GetType().Name).Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.InRange(onVictim, 1, Keys);
        Assert.All(failures, failure => Assert.True(IsRetryable(failure), $"not a retryable failure: {failure}"));
    }

    /// <summary>Calls every key's grain once; true when all answered. Failures are collected for the final check.</summary>
    private static async Task<bool> CallEveryKeyAsync(CrashCluster cluster, ConcurrentBag<Exception> failures)
    {
        var answered = 0;
        foreach (var key in cluster.Events.Keys)
        {
            try
            {
                await cluster.Client.GetGrain<ICountingGrain>(key).GetCountsAsync();
                answered++;
            }
#pragma warning disable CA1031 // Every failure is recorded; the test then checks that each is retryable.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Add(exception);
            }
        }

        return answered == cluster.Events.Keys.Count;
    }

    /// <summary>How many of the keys' grains are activated on the silo listening on <paramref name="siloPort"/>.</summary>
    private static async Task<int> ActivationsOnAsync(CrashCluster cluster, int siloPort)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var count = 0;
        foreach (var key in cluster.Events.Keys)
        {
            var address = await management.GetActivationAddress(cluster.Client.GetGrain<ICountingGrain>(key));
            count += address?.Endpoint.Port == siloPort ? 1 : 0;
        }

        return count;
    }

    private static bool IsRetryable(Exception exception) =>
        exception is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException or ConnectionFailedException;
}
