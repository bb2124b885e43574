using Grains.Events;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Grains.Interfaces.Users;
using Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Hosting;

namespace Grains;

/// <summary>Adds the runtime with this project's grains and the events stream that feeds user grains.</summary>
public static class GrainsServiceCollectionExtensions
{
    public static GrainRuntimeBuilder AddGrains(this IServiceCollection services, IConfiguration configuration) =>
        services.AddGrainRuntime(configuration)
            .AddJsonContext(GrainsJsonContext.Default)
            .AddGrain<IUserGrain, UserGrain>()
            .AddEventStream<IUserGrain, InteractionEvent>(provider => new InteractionEventDecoder(provider.GetRequiredService<TimeProvider>()));
}
