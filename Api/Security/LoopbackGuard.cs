using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Api.Security;

/// <summary>
/// Without API keys the API is open to whoever reaches it, so it must be reachable from this host only:
/// before the server binds, any configured non-loopback address stops the start; once it listens, the
/// actual addresses are checked again, and the warning says why the server is loopback-only.
/// </summary>
internal sealed partial class LoopbackGuard(
    IConfiguration configuration, ApiKeyTable keys, IServer server, IHostApplicationLifetime lifetime, ILogger<LoopbackGuard> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (keys.Enabled)
        {
            return Task.CompletedTask;
        }

        var exposed = ConfiguredAddresses(configuration).Where(address => !IsLoopback(address)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"No API keys are configured (Api:Keys:<name>:Key and :Role), so the server may listen on loopback only, but it is configured to listen on {string.Join(", ", exposed)}. "
                + "Configure API keys, or listen on 127.0.0.1 or localhost.");
        }

        NoKeys(logger);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = keys.Enabled ? [] : addresses.Where(address => !IsLoopback(address)).ToList();
        if (exposed.Count > 0)
        {
            ExposedWithoutKeys(logger, exposed);
            lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every address the configuration asks the server to bind: <c>urls</c>, <c>http_ports</c>, <c>https_ports</c> and Kestrel endpoints.</summary>
    public static IEnumerable<string> ConfiguredAddresses(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Kestrel binds bare ports on every interface.
                yield return $"http://*:{port}";
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    /// <summary>True for localhost and loopback IP addresses; false for wildcards, other names and anything unparsable.</summary>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys are configured (Api:Keys): the API is open to anyone on this host, so it listens on loopback only. Configure keys to serve other hosts.")]
    private static partial void NoKeys(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "No API keys are configured, but the server listens on {Addresses}, which is not loopback: stopping.")]
    private static partial void ExposedWithoutKeys(ILogger logger, IReadOnlyList<string> addresses);
}
