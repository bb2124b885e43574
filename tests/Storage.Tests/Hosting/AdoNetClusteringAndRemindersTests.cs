using Orleans.Hosting;
using Storage.Hosting;
using Storage.Tests.TestGrains;
using TestInfrastructure;

namespace Storage.Tests.Hosting;

/// <summary>
/// Orleans' stock ADO.NET clustering and reminders on the project's PostgreSQL schema. The schema
/// starts empty and is migrated by the silo itself, which also proves the migrations run before
/// membership and reminders initialise.
/// </summary>
public sealed class AdoNetClusteringAndRemindersTests
{
    [Fact]
    public async Task StartAsync_AdoNetClusteringOnFreshSchema_SiloRowBecomesActive()
    {
        await using var schema = await PostgresSchema.CreateAsync("clu");
        var clusterId = RealServices.UniqueName("clu");

        await using var silo = await TestSilo.StartAsync(clusterId, builder => Configure(builder, schema.ConnectionString));

        await Eventually.TrueAsync(
            async () => await schema.ScalarAsync($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 3") == 1,
            TimeSpan.FromSeconds(30),
            "the silo's membership row to become Active");
        Assert.Equal(1, await schema.ScalarAsync($"SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = '{clusterId}' AND Version > 0"));
    }

    [Fact]
    public async Task RegisterOrUpdateReminder_AdoNetReminders_ReminderReadBackAndStored()
    {
        await using var schema = await PostgresSchema.CreateAsync("rem");
        var clusterId = RealServices.UniqueName("rem");
        await using var silo = await TestSilo.StartAsync(clusterId, builder => Configure(builder, schema.ConnectionString));

        var name = await silo.Grains.GetGrain<IReminderProbeGrain>("user-1").RegisterAsync("nightly");

        Assert.Equal("nightly", name);
        Assert.Equal(1, await schema.ScalarAsync($"SELECT count(*) FROM OrleansRemindersTable WHERE ServiceId = '{clusterId}' AND ReminderName = 'nightly'"));
    }

    private static void Configure(ISiloBuilder builder, string connectionString)
    {
        builder.AddSchemaMigrations(StorageDatabase.PostgreSql, connectionString);
        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
        });
        builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
        });
    }
}
