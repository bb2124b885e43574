using Ingest.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.InProcess;

public static class InProcessIngestServiceCollectionExtensions
{
    /// <summary>
    /// Embedded mode: the processors added by <c>AddIngest</c> run on an in-process log
    /// (<see cref="IIngestLog"/>) of <c>Ingest:InProcessPartitions</c> partitions; dead letters are
    /// kept in memory (<see cref="InProcessDeadLetters"/>) unless another sink is registered.
    /// </summary>
    public static IServiceCollection AddInProcessIngest(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InProcessDeadLetters>();
        services.TryAddSingleton<IDeadLetterSink>(provider => provider.GetRequiredService<InProcessDeadLetters>());
        services.TryAddSingleton<InProcessIngestSource>();
        services.TryAddSingleton<IIngestLog>(provider => provider.GetRequiredService<InProcessIngestSource>());
        services.AddHostedService(provider => provider.GetRequiredService<InProcessIngestSource>());
        return services;
    }
}
