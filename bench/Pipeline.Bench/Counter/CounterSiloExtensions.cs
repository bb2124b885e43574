using Grains.Events;
using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Diagnostics;
using Runtime.Hosting;

namespace Pipeline.Bench.Counter;

/// <summary>
/// A silo of the runtime alone: the product's events topic and decoder, with <see cref="CounterGrain"/>
/// in place of the user grain, and no API or dashboard.
/// </summary>
internal static class CounterSiloExtensions
{
    public static WebApplicationBuilder AddCounterSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrainRuntime(builder.Configuration)
            .AddGrain<ICounterGrain, CounterGrain>()
            .AddEventStream<ICounterGrain, InteractionEvent>(provider => new InteractionEventDecoder(provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddPrometheusExporter(RuntimeInstruments.MeterName);
        return builder;
    }
}
