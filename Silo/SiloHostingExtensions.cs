using Api.Hosting;
using Dashboard;
using Grains;
using Runtime.Diagnostics;
using Runtime.Hosting;

namespace Silo;

/// <summary>Composes a silo: the runtime with its grains, and the endpoints every silo serves, the public API included.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGrains(builder.Configuration);
        builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName, "Grains", "Api");
        builder.AddApi();
        builder.Services.AddDashboard();
        return builder;
    }

    public static WebApplication MapSilo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRuntimeEndpoints();
        app.MapApi();
        app.MapDashboard();
        app.Lifetime.ApplicationStarted.Register(() => SiloBanner.Print(app));
        return app;
    }
}
