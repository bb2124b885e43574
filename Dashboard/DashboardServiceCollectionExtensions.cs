using Dashboard.Access;
using Dashboard.Cluster;
using Dashboard.History;
using Grains.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Hosting;

namespace Dashboard;

/// <summary>Adds the dashboard's services: its history sampler, cluster reporter and access rule.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dashboard on a host that already has the grains (<c>AddGrains</c>). Settings come
    /// from the <c>Dashboard</c> section; the access rule defaults to <see cref="ApiKeyDashboardAccess"/>
    /// unless an <see cref="IDashboardAccess"/> is registered first.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton<IDashboardAccess, ApiKeyDashboardAccess>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<DashboardMeters>();
        services.TryAddSingleton(sp => new DashboardHistory(
            sp.GetRequiredService<DashboardMeters>(),
            sp.GetRequiredService<SiloRuntime>(),
            sp.GetRequiredService<ExperimentCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DashboardOptions>>(),
            sp.GetRequiredService<ILogger<DashboardHistory>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DashboardHistory>());
        services.TryAddSingleton<PeerClient>();
        services.TryAddSingleton<ClusterReporter>();
        services.TryAddSingleton<Assets.DashboardAssets>();
        return services;
    }
}
