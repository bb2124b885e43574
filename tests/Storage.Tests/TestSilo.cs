using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Storage.Tests;

/// <summary>A real silo in a generic host on free loopback ports, with a cluster and service id of its own.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host, string clusterId)
    {
        _host = host;
        ClusterId = clusterId;
    }

    public string ClusterId { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a silo; <paramref name="localhostClustering"/> false leaves clustering to <paramref name="configure"/>.</summary>
    public static async Task<TestSilo> StartAsync(string clusterId, Action<ISiloBuilder> configure, bool localhostClustering = false)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = clusterId;
            });
            if (localhostClustering)
            {
                silo.UseLocalhostClustering(FreePort(), FreePort(), null, clusterId, clusterId);
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            }

            configure(silo);
        });

        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await host.StartAsync(timeout.Token);
        return new TestSilo(host, clusterId);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
