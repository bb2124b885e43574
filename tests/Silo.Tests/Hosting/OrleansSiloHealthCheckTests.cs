using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TestInfrastructure;

namespace Silo.Tests.Hosting;

public sealed class OrleansSiloHealthCheckTests
{
    [Fact]
    public async Task ReadyChecks_StartedSilo_IncludeTheActiveOrleansSilo()
    {
        var cluster = RealServices.UniqueName("health");
        await using var app = await InProcessSilo.StartAsync(InProcessSilo.Settings(cluster, embedded: true), builder => builder.AddSilo(), app => app.MapSilo());

        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));

        var orleans = report.Entries["orleans-silo"];
        Assert.Equal(HealthStatus.Healthy, orleans.Status);
        Assert.Equal("the Orleans silo is active", orleans.Description);
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }
}
