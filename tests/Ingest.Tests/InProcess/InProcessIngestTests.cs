using System.Text;
using Ingest.Hosting;
using Ingest.InProcess;
using Ingest.Placement;
using Ingest.Tests.Support;
using Ingest.TestGrains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using TestInfrastructure;

namespace Ingest.Tests.InProcess;

public sealed class InProcessIngestTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}.db");
    private InProcessTestCluster? _silo;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Name"] = RealServices.UniqueName("embedded"),
            ["Ingest:MaxBatchSize"] = "25",
        };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorageAsDefault().AddPartitionLocalPlacement());
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services
                .AddIngest<ICountingGrain, CountEvent, TestDecoder>(host.Configuration)
                .AddSqliteCheckpoints(_path)
                .AddOutboxGrainTarget<ICreditGrain>(CountingGrain.CreditKind)
                .AddInProcessIngest();
        });
        _silo = builder.Build();
        await _silo.DeployAsync();
    }

    [Fact]
    public async Task AppendAsync_KeyedRecordsAndABadOne_CountsEachOnceAndKeepsTheDeadLetter()
    {
        var events = new TestEvents(300);
        var services = _silo!.GetSiloServiceProvider();
        var log = services.GetRequiredService<IIngestLog>();

        foreach (var e in events.Events)
        {
            await log.AppendAsync(Encoding.UTF8.GetBytes(e.Key), TestEvents.Encode(e), CancellationToken.None);
        }

        await log.AppendAsync(null, Encoding.UTF8.GetBytes("garbage"), CancellationToken.None);
        var deadLetters = services.GetRequiredService<InProcessDeadLetters>();
        await Eventually.TrueAsync(
            async () => await ExactlyOnce.CreditsAppliedAsync(_silo.Client, events) >= events.Events.Count && deadLetters.Recent.Count > 0,
            TimeSpan.FromSeconds(60),
            "every credit applied and the dead letter kept");

        await ExactlyOnce.AssertAsync(_silo.Client, events);
        Assert.Equal("garbage", Assert.Single(deadLetters.Recent).Value);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
