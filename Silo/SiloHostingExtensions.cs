using Api.Hosting;
using Dashboard;
using Grains;
using Orleans.Dashboard;
using Runtime.Diagnostics;
using Runtime.Hosting;
using Silo.Hosting;

namespace Silo;

/// <summary>Composes a silo: the runtime with its grains, and the endpoints every silo serves, the public API included.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGrains(builder.Configuration);
        builder.AddOrleansSilo();
        builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName, "Grains", "Api", "Microsoft.Orleans");
        builder.AddApi();
        builder.Services.AddDashboard();
        return builder;
    }

    public static WebApplication MapSilo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOrleansDashboardLink(OrleansSiloExtensions.DashboardPath);
        app.MapRuntimeEndpoints();
        app.MapApi();
        app.MapDashboard();
        app.MapOrleansDashboard(OrleansSiloExtensions.DashboardPath).RequireDashboardAccess();
        app.Lifetime.ApplicationStarted.Register(() => SiloBanner.Print(app));
        return app;
    }
}
