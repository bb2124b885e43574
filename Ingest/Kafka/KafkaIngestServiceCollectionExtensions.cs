using Ingest.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Kafka;

public static class KafkaIngestServiceCollectionExtensions
{
    /// <summary>
    /// One Kafka consumer-group member per silo (a hosted service) feeding the processors added by
    /// <c>AddIngest</c>, and dead letters produced to <c>&lt;cluster&gt;.dead-letters</c>. Settings come
    /// from the <c>Kafka</c> section, broker specifics from <c>Kafka:Client:&lt;librdkafka property&gt;</c>.
    /// </summary>
    public static IServiceCollection AddKafkaIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeadLetterSink, KafkaDeadLetterSink>();
        services.AddHostedService<KafkaIngestService>();
        return services;
    }
}
