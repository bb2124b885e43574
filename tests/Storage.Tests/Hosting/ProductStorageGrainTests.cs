using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Storage.Hosting;
using Storage.Tests.TestGrains;
using TestInfrastructure;

namespace Storage.Tests.Hosting;

/// <summary>
/// A real grain with <c>IPersistentState&lt;T&gt;</c> in Orleans' InProcessTestCluster, on the storage
/// <c>AddProductStorage</c> selects: the state outlives the activation and sits in the provider's table.
/// </summary>
public sealed class ProductStorageGrainTests
{
    [Fact]
    public async Task WriteStateAsync_GroupCommitOnPostgreSql_StateSurvivesDeactivation()
    {
        await using var schema = await PostgresSchema.CreateAsync("grain");
        var configuration = Configuration(("ConnectionStrings:Postgres", schema.ConnectionString));
        var key = RealServices.UniqueName("counter");

        var count = await IncrementDeactivateAndReadAsync(configuration, key);

        Assert.Equal(3, count);
        Assert.Equal(3, await schema.ScalarAsync($"SELECT version FROM grain_state WHERE state_name = 'counter' AND grain_id LIKE '%{key}'"));
    }

    [Fact]
    public async Task WriteStateAsync_GroupCommitOnSqlite_StateSurvivesDeactivation()
    {
        using var file = new SqliteFile("grain");
        var configuration = Configuration(("Storage:SqlitePath", file.Path));
        var key = RealServices.UniqueName("counter");

        var count = await IncrementDeactivateAndReadAsync(configuration, key);

        Assert.Equal(3, count);
        Assert.Equal(3, file.Scalar($"SELECT version FROM grain_state WHERE state_name = 'counter' AND grain_id LIKE '%{key}'"));
    }

    [Fact]
    public async Task WriteStateAsync_AdoNetProviderSelected_StateLandsInOrleansStorage()
    {
        await using var schema = await PostgresSchema.CreateAsync("grain");
        var configuration = Configuration(("ConnectionStrings:Postgres", schema.ConnectionString), ("Storage:Provider", "AdoNet"));
        var key = RealServices.UniqueName("counter");

        var count = await IncrementDeactivateAndReadAsync(configuration, key);

        Assert.Equal(3, count);

        // The schema is this test's own, so its only row is this grain's.
        Assert.Equal(3, await schema.ScalarAsync("SELECT Version FROM OrleansStorage WHERE GrainTypeString = 'counter'"));
        Assert.Equal(0, await schema.ScalarAsync("SELECT count(*) FROM grain_state"));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();

    private static async Task<int> IncrementDeactivateAndReadAsync(IConfiguration configuration, string key)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddProductStorage(configuration));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var counter = cluster.Client.GetGrain<ICounterGrain>(key);
        for (var i = 0; i < 3; i++)
        {
            await counter.IncrementAsync();
        }

        await cluster.DeactivateAsync(counter);
        return await counter.GetAsync();
    }
}
