using Runtime.Abstractions;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class SingleActivationTests
{
    [Fact]
    public async Task InvokeAsync_ConcurrentCallsFromTwoSilos_RunOneTurnAtATimeOnOneActivation()
    {
        var cluster = RealServices.UniqueName("single");
        await using var first = await TestSilo.StartAsync(cluster);
        await using var second = await TestSilo.StartAsync(cluster);
        await ClusterTestKit.WaitForSplitAsync(first, second);
        await ClusterTestKit.WaitForDirectoryAsync(first, second);

        var calls = Enumerable.Range(0, 40)
            .Select(i => (i % 2 == 0 ? first : second).Grains.GetGrain<ICounterGrain>("probe").ProbeAsync(10))
            .ToList();
        var results = await Task.WhenAll(calls);

        Assert.Single(results.Select(r => r.ActivationId).Distinct());
        Assert.All(results, r => Assert.Equal(1, r.ConcurrentTurns));
    }

    [Fact]
    public async Task InvokeAsync_GrainThrowsLocallyOrRemotely_CallerGetsSameGrainCallException()
    {
        var cluster = RealServices.UniqueName("throws");
        await using var first = await TestSilo.StartAsync(cluster);
        await using var second = await TestSilo.StartAsync(cluster);
        await ClusterTestKit.WaitForSplitAsync(first, second);
        await ClusterTestKit.WaitForDirectoryAsync(first, second);

        var fromFirst = await Assert.ThrowsAsync<GrainCallException>(() => first.Grains.GetGrain<ICounterGrain>("x").FailAsync("boom"));
        var fromSecond = await Assert.ThrowsAsync<GrainCallException>(() => second.Grains.GetGrain<ICounterGrain>("x").FailAsync("boom"));

        Assert.All([fromFirst, fromSecond], e => Assert.Equal("boom", e.Message));
        Assert.All([fromFirst, fromSecond], e => Assert.Equal(nameof(InvalidOperationException), e.RemoteType));
    }
}
