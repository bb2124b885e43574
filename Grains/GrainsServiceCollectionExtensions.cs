using Experimentation.Features;
using Experimentation.Trending;
using Grains.Decisions;
using Grains.Events;
using Grains.Experiments;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Recommendations;
using Grains.Interfaces.Trending;
using Grains.Interfaces.Users;
using Grains.Recommendations;
using Grains.Trending;
using Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Runtime.Hosting;

namespace Grains;

/// <summary>Adds the runtime with this project's grains, their messages and snapshots, and the decision and recommendation services.</summary>
public static class GrainsServiceCollectionExtensions
{
    public static GrainRuntimeBuilder AddGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<UserFeatureOptions>().Bind(configuration.GetSection(UserFeatureOptions.SectionName)).ValidateOnStart();
        services.AddOptions<TrendingOptions>().Bind(configuration.GetSection(TrendingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DecisionOptions>().Bind(configuration.GetSection(DecisionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserFeatureOptions>, GrainOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrendingOptions>, GrainOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DecisionOptions>, GrainOptionsValidator>());
        services.TryAddSingleton<IRandomSource>(provider => new SharedRandomSource(provider.GetRequiredService<IOptions<DecisionOptions>>().Value.Seed));
        services.AddSingleton<ExperimentCatalog>();
        services.AddSingleton<ExposureLog>();
        services.AddSingleton<ExposureDeduplicator>();
        services.TryAddSingleton<DecisionInstruments>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<RecommendationService>();
        return services.AddGrainRuntime(configuration)
            .AddJsonContext(GrainsJsonContext.Default)
            .AddGrain<IUserGrain, UserGrain>()
            .AddGrain<IExperimentGrain, ExperimentGrain>()
            .AddGrain<IItemStatsGrain, ItemStatsGrain>()
            .AddGrain<ITrendingGrain, TrendingGrain>()
            .AddEventStream<IUserGrain, InteractionEvent>(provider => new InteractionEventDecoder(provider.GetRequiredService<TimeProvider>()))
            .AddMessage<IExperimentGrain, ArmCredits>("arm-credits", GrainStateJsonContext.Default.ArmCredits, ArmCredits.Combine)
            .AddMessage<IItemStatsGrain, ItemCredits>("item-credits", GrainStateJsonContext.Default.ItemCredits, ItemCredits.Combine)
            .AddMessage<ITrendingGrain, TrendingDeltas>("trending-deltas", GrainStateJsonContext.Default.TrendingDeltas, TrendingDeltas.Combine)
            .AddSnapshot<IExperimentGrain, ExperimentSnapshot>(GrainStateJsonContext.Default.ExperimentSnapshot)
            .AddSnapshot<IItemStatsGrain, ItemStatsState>(GrainStateJsonContext.Default.ItemStatsState)
            .AddSnapshot<ITrendingGrain, TrendingSnapshot>(GrainStateJsonContext.Default.TrendingSnapshot);
    }
}
