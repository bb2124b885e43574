using System.Diagnostics.Metrics;
using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Grains;
using Ingest.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Ingest.Hosting;

/// <summary>Wires ingest into a silo: processors for a grain type, a checkpoint store, outbox targets.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Partition processors that decode records with <typeparamref name="TDecoder"/> and call
    /// <typeparamref name="TGrain"/>, configured from the <c>Ingest</c> section (cluster name
    /// defaulting to <c>Cluster:Name</c>) and validated at start-up. Add a checkpoint store, the
    /// outbox targets and a source (for example <c>AddKafkaIngest</c>).
    /// </summary>
    public static IServiceCollection AddIngest<TGrain, TEvent, TDecoder>(this IServiceCollection services, IConfiguration configuration)
        where TGrain : IPartitionEventGrain<TEvent>
        where TDecoder : class, IRecordDecoder<TEvent>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ClusterName))
                {
                    options.ClusterName = configuration["Cluster:Name"] ?? "";
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new IngestMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<IRecordDecoder<TEvent>, TDecoder>();
        services.TryAddSingleton(provider => new ProcessorContext<TEvent>(
            provider.GetRequiredService<IGrainFactory>(),
            provider.GetRequiredService<IRecordDecoder<TEvent>>(),
            provider.GetRequiredService<ICheckpointStore>(),
            provider.GetServices<IOutboxTarget>().ToDictionary(target => target.Kind, StringComparer.Ordinal),
            provider.GetRequiredService<IDeadLetterSink>(),
            provider.GetRequiredService<Serializer>(),
            provider.GetRequiredService<IOptions<IngestOptions>>().Value,
            provider.GetRequiredService<IngestMetrics>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Ingest.Processing"),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILocalSiloDetails>()?.SiloAddress));
        services.TryAddSingleton<IPartitionProcessorFactory, PartitionProcessorFactory<TGrain, TEvent>>();
        return services;
    }

    /// <summary>Checkpoints and outbox in PostgreSQL (cluster mode).</summary>
    public static IServiceCollection AddPostgresCheckpoints(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICheckpointStore>(provider => new PostgresCheckpointStore(connectionString, provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Checkpoints and outbox in a local SQLite file (embedded mode).</summary>
    public static IServiceCollection AddSqliteCheckpoints(this IServiceCollection services, string pathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICheckpointStore>(provider => new SqliteCheckpointStore(pathOrConnectionString, provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Delivers outbox messages of <paramref name="kind"/> to <typeparamref name="TGrain"/> grains keyed by the target key.</summary>
    public static IServiceCollection AddOutboxGrainTarget<TGrain>(this IServiceCollection services, string kind)
        where TGrain : IOutboxTargetGrain
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        services.AddSingleton<IOutboxTarget>(provider => new GrainOutboxTarget<TGrain>(kind, provider.GetRequiredService<IGrainFactory>()));
        return services;
    }
}
