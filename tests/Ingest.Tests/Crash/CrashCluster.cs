using System.Net;
using Confluent.Kafka;
using Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using TestInfrastructure;

namespace Ingest.Tests.Crash;

/// <summary>
/// One test's cluster of real silo processes (tests/Ingest.TestSilo) consuming its own topic, the
/// producer that feeds it in waves, and an outside Orleans client that reads the grains.
/// </summary>
public sealed class CrashCluster : IAsyncDisposable
{
    public const int Partitions = 4;
    public const int Waves = 6;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<SiloProcess> _silos = [];
    private readonly Dictionary<SiloProcess, int> _siloPorts = [];
    private readonly IProducer<byte[], byte[]> _producer;
    private IHost? _client;

    private CrashCluster(TestEvents events)
    {
        Events = events;
        var config = new ProducerConfig { BootstrapServers = RealServices.Instance.KafkaBootstrapServers, Partitioner = Partitioner.Random, LingerMs = 5 };
        foreach (var (key, value) in RealServices.Instance.KafkaClientProperties)
        {
            config.Set(key, value);
        }

        _producer = new ProducerBuilder<byte[], byte[]>(config).Build();
    }

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(60);

    public string Name { get; } = RealServices.UniqueName("crash");

    public string Topic { get; } = RealServices.UniqueName("crash-events");

    public TestEvents Events { get; }

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("Connect the client first.");

    public static async Task<CrashCluster> CreateAsync(int events, int keys, int targets)
    {
        var cluster = new CrashCluster(new TestEvents(events, keys, targets));
        await KafkaTopics.CreateAsync(cluster.Topic, Partitions);
        return cluster;
    }

    public SiloProcess StartSilo(string name)
    {
        var siloPort = SiloProcess.FreePort();
        var environment = new Dictionary<string, string?>(RealServices.Instance.Settings.ToDictionary(pair => pair.Key, pair => (string?)pair.Value))
        {
            ["Cluster__Name"] = Name,
            ["Ingest__Topic"] = Topic,
            ["Orleans__Endpoints__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = SiloProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var silo = SiloProcess.Start(environment, name, "tests/Ingest.TestSilo");
        _silos.Add(silo);
        _siloPorts[silo] = siloPort;
        return silo;
    }

    /// <summary>The Orleans silo-to-silo port of a silo this cluster started: its <c>SiloAddress</c>'s port.</summary>
    public int SiloPort(SiloProcess silo) => _siloPorts[silo];

    public async Task WaitReadyAsync(params SiloProcess[] silos)
    {
        foreach (var silo in silos)
        {
            await Eventually.TrueAsync(() => IsReadyAsync(silo), Patience, $"silo of {Name} ready with partitions (log: {silo.LogPath})");
        }
    }

    /// <summary>An outside client on the cluster's ADO.NET membership, as a product's own service would connect.</summary>
    public async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (Name, Name));
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = RealServices.Instance.PostgresConnectionString;
            });

            // The default minute would keep offering a killed silo's gateway, and the default 30 s
            // response timeout would hold a call sent to it that long.
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        _client = builder.Build();
        using var timeout = new CancellationTokenSource(Patience);
        await _client.StartAsync(timeout.Token);
    }

    /// <summary>Produces waves <paramref name="first"/> to <paramref name="last"/> of the events, keyed by grain key, and waits for the broker's acks.</summary>
    public async Task ProduceWavesAsync(int first, int last)
    {
        var perWave = (Events.Events.Count + Waves - 1) / Waves;
        foreach (var e in Events.Events.Skip(first * perWave).Take((last - first + 1) * perWave))
        {
            _producer.Produce(Topic, new Message<byte[], byte[]> { Key = System.Text.Encoding.UTF8.GetBytes(e.Key), Value = TestEvents.Encode(e) });
        }

        await Task.Run(() => _producer.Flush(Patience));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _client.StopAsync(timeout.Token);
            _client.Dispose();
        }

        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        _producer.Dispose();
    }

    private static async Task<bool> IsReadyAsync(SiloProcess silo)
    {
        if (silo.HasExited)
        {
            throw new InvalidOperationException($"the silo exited (log: {silo.LogPath})");
        }

        try
        {
            using var response = await Http.GetAsync(new Uri(silo.Address, "/health/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
