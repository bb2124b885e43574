using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Hosting;

public sealed class EmbeddedModeTests
{
    [Fact]
    public async Task EmbeddedSilo_AppliesEventsAndKeepsStateAcrossRestart()
    {
        var cluster = RealServices.UniqueName("embedded");
        var keys = Enumerable.Range(0, 10).Select(i => $"e{i}").ToList();
        await using (var silo = await TestSilo.StartAsync(cluster, embedded: true))
        {
            Assert.Equal("embedded", silo.Runtime.Mode);
            await ClusterTestKit.ProduceAsync(silo, keys.Select(key => new CounterEvent(key, 5)));
            await ClusterTestKit.WaitForCountsAsync(silo, keys.ToDictionary(k => k, _ => 1L));
        }

        await using (var restarted = await TestSilo.StartAsync(cluster, embedded: true))
        {
            await ClusterTestKit.ProduceAsync(restarted, keys.Select(key => new CounterEvent(key, 1)));
            await ClusterTestKit.WaitForCountsAsync(restarted, keys.ToDictionary(k => k, _ => 2L));
            foreach (var key in keys)
            {
                Assert.Equal(6, (await restarted.Grains.GetGrain<ICounterGrain>(key).GetAsync()).Sum);
            }
        }

        File.Delete(Path.Combine(Path.GetTempPath(), cluster + ".db"));
    }
}
