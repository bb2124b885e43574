using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;
using Runtime.Activation;
using Runtime.Diagnostics;
using Runtime.Grains;
using Runtime.Kafka;
using Runtime.Log;
using Runtime.Log.InMemory;
using Runtime.Remoting;
using Runtime.Snapshots;
using Runtime.Storage;
using Runtime.Storage.Postgres;
using Runtime.Storage.Sqlite;

namespace Runtime.Hosting;

/// <summary>Adds the grain runtime to a host.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime: Kafka and PostgreSQL when <c>Kafka:BootstrapServers</c> and
    /// <c>ConnectionStrings:Postgres</c> are set, otherwise the in-process log and SQLite.
    /// </summary>
    public static GrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RuntimeOptions>().Bind(configuration.GetSection(RuntimeOptions.SectionName)).ValidateOnStart();
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName)).ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(options => options.PostgresConnectionString ??= configuration.GetConnectionString("Postgres"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RuntimeOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, RuntimeOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RuntimeInstruments>();
        var catalog = new GrainCatalog();
        services.AddSingleton(catalog);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RuntimeOptions>>().Value);
        services.AddSingleton<ICheckpointStore>(CreateStore);
        services.AddSingleton<IPartitionedLog>(CreateLog);
        services.AddSingleton(sp =>
        {
            var cache = new SnapshotCache(sp.GetRequiredService<ILogger<SnapshotCache>>());
            foreach (var register in catalog.SnapshotRegistrations)
            {
                register(cache);
            }

            return cache;
        });
        services.AddSingleton<SiloRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<SiloRuntime>());
        services.AddSingleton(sp => sp.GetRequiredService<SiloRuntime>().Manager);
        services.AddSingleton(sp => new GrainCallCodec(sp.GetRequiredService<GrainCatalog>().JsonOptions));
        services.AddSingleton(sp => new HttpGrainTransport(SiloHttpClient.Create(), sp.GetRequiredService<GrainCallCodec>()));
        services.AddSingleton<SiloGrainCallInvoker>();
        services.AddSingleton<IGrainFactory, SiloGrainFactory>();
        services.AddHealthChecks().AddCheck<RuntimeHealthCheck>("runtime", tags: ["ready"]);
        return new GrainRuntimeBuilder(services, catalog);
    }

    private static ICheckpointStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        return options.UsePostgres
            ? new PostgresCheckpointStore(options.PostgresConnectionString!, time, services.GetService<ILogger<PostgresCheckpointStore>>())
            : new SqliteCheckpointStore(options.SqlitePath, time, services.GetService<ILogger<SqliteCheckpointStore>>());
    }

    private static IPartitionedLog CreateLog(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<KafkaOptions>>().Value;
        return options.IsEnabled
            ? new KafkaLog(options, services.GetRequiredService<ILoggerFactory>())
            : new InMemoryLog();
    }
}
