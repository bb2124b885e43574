using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class IdleDeactivationTests
{
    [Fact]
    public async Task IdleGrain_AfterIdleTimeout_IsDeactivatedAndReactivatesWithStateIntact()
    {
        var cluster = RealServices.UniqueName("idle");
        await using var silo = await TestSilo.StartAsync(cluster, settings: new Dictionary<string, string?> { ["Runtime:IdleTimeout"] = "00:00:01" });
        var grain = silo.Grains.GetGrain<ICounterGrain>("sleepy");
        await grain.AddDurablyAsync(5);
        var before = await grain.GetAsync();

        await Eventually.TrueAsync(
            () => silo.Runtime.Partitions().Sum(p => p.ActivationsByType.GetValueOrDefault("counter")) == 0,
            TimeSpan.FromSeconds(20),
            "the idle grain is deactivated");
        var after = await grain.GetAsync();

        Assert.Equal(5, after.Sum);
        Assert.Equal(before.Activations + 1, after.Activations);
        Assert.NotEqual(before.ActivationId, after.ActivationId);
    }
}
