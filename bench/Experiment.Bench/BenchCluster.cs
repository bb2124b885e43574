using System.Text.Json;
using Grains.Decisions;
using Grains.Experiments;
using Grains.Interfaces.Experiments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runtime.Abstractions;
using Runtime.Hosting;
using Silo;
using TestInfrastructure;

namespace Experiment.Bench;

/// <summary>Real silos (the AddSilo composition) hosted in the benchmark process, on the shared Kafka and PostgreSQL.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly List<WebApplication> _silos = [];

    private BenchCluster(string name) => Name = name;

    public string Name { get; }

    public IServiceProvider First => _silos[0].Services;

    public IEnumerable<IServiceProvider> All => _silos.Select(s => s.Services);

    public static async Task<BenchCluster> StartAsync(string prefix, int silos, int seed)
    {
        var cluster = new BenchCluster(RealServices.UniqueName(prefix));
        for (var i = 0; i < silos; i++)
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            var settings = new Dictionary<string, string?>(RealServices.Instance.ConfigurationKeys)
            {
                ["Cluster:Name"] = cluster.Name,
                ["Decisions:Seed"] = (seed + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Kafka:SessionTimeout"] = "00:00:06",
            };
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddSilo();
            var app = builder.Build();
            app.MapSilo();
            await app.StartAsync();
            cluster._silos.Add(app);
        }

        foreach (var silo in cluster._silos)
        {
            var runtime = silo.Services.GetRequiredService<SiloRuntime>();
            await Eventually.TrueAsync(() => runtime.NotReadyReason is null, TimeSpan.FromSeconds(90), "silo ready");
        }

        await Eventually.TrueAsync(
            () => cluster._silos.Sum(s => s.Services.GetRequiredService<SiloRuntime>().Partitions().Count) == cluster.Runtime.PartitionCount,
            TimeSpan.FromSeconds(90),
            "every partition owned");
        return cluster;
    }

    public SiloRuntime Runtime => First.GetRequiredService<SiloRuntime>();

    /// <summary>Defines an experiment through its grain and waits until every silo's catalog has the new version.</summary>
    public async Task DefineAsync(ExperimentDefinition definition)
    {
        var stored = await First.GetRequiredService<IGrainFactory>().GetGrain<IExperimentGrain>(definition.Id).DefineAsync(definition);
        foreach (var silo in All)
        {
            var catalog = silo.GetRequiredService<ExperimentCatalog>();
            await Eventually.TrueAsync(
                () => catalog.TryGet(definition.Id, out var compiled) && compiled.Definition.Version == stored.Version,
                TimeSpan.FromSeconds(30),
                "definition cached");
        }
    }

    /// <summary>The experiment's snapshot as one silo's cache holds it.</summary>
    public static ExperimentSnapshot? Snapshot(IServiceProvider silo, string experimentId) =>
        silo.GetRequiredService<Runtime.Snapshots.SnapshotCache>().TryGet<ExperimentSnapshot>(new GrainId("experiment", experimentId), out var snapshot) ? snapshot : null;

    public static JsonElement Config(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
    }
}
