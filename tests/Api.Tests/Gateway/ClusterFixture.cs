using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;
using TestInfrastructure;

namespace Api.Tests.Gateway;

/// <summary>
/// Two real silo processes and the standalone gateway process, on the shared Kafka and PostgreSQL, with
/// a service and an admin key. Ready once both silos own partitions and the gateway knows every owner.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public SiloProcess First { get; private set; } = null!;

    public SiloProcess Second { get; private set; } = null!;

    public SiloProcess Gateway { get; private set; } = null!;

    public string Cluster { get; } = RealServices.UniqueName("gw");

    public string Logs => $"logs: {First.LogPath}, {Second.LogPath}, {Gateway.LogPath}";

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string?>(RealServices.Instance.Settings.ToDictionary(p => p.Key, p => (string?)p.Value), StringComparer.Ordinal)
        {
            ["Cluster__Name"] = Cluster,
            ["Kafka__SessionTimeout"] = "00:00:06",
            ["Runtime__HeartbeatInterval"] = "00:00:00.500",
            ["Runtime__CheckpointInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Information",
            ["Api__Keys__orders__Key"] = ApiHost.ServiceKey,
            ["Api__Keys__orders__Role"] = "service",
            ["Api__Keys__ops__Key"] = ApiHost.AdminKey,
            ["Api__Keys__ops__Role"] = "admin",
        };
        First = SiloProcess.Start(environment, "silo-a");
        Second = SiloProcess.Start(environment, "silo-b");
        Gateway = SiloProcess.Start(environment, "gateway", "Api");
        using var admin = Client(First, ApiHost.AdminKey);
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    var cluster = await admin.GetFromJsonAsync("/v1/cluster?stats=false", GrainsJsonContext.Default.ClusterStatus);
                    return cluster!.PartitionCount > 0
                        && cluster.Partitions.Select(p => p.OwnerAddress).Distinct().Count() == 2
                        && cluster.Partitions.All(p => p.OwnerAddress is not null);
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            Patience,
            $"both silos own partitions ({Logs})");
        using var gateway = Client(Gateway, null);
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return (await gateway.GetAsync("/health/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            Patience,
            $"the gateway is ready ({Logs})");
    }

    public static HttpClient Client(SiloProcess process, string? key)
    {
        ArgumentNullException.ThrowIfNull(process);
        var client = new HttpClient { BaseAddress = process.Address, Timeout = Patience };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public Task DisposeAsync()
    {
        Gateway.Dispose();
        Second.Dispose();
        First.Dispose();
        return Task.CompletedTask;
    }
}
