using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Silo.Hosting;

/// <summary>
/// The ports of the co-hosted Orleans silo. Orleans' own keys (<c>Orleans:Endpoints:SiloPort</c>,
/// <c>Orleans:Endpoints:GatewayPort</c>) win. Otherwise a hand-picked HTTP port below 10,000 gives
/// ports offset from Orleans' defaults by the same amount as it is from 5000, so
/// <c>--urls http://127.0.0.1:5001</c> runs next to the default silo without a collision and an
/// operator can still predict its gateway (30001). Any other HTTP port (0, or one from the
/// ephemeral range that tests use) gets free ports from the operating system.
/// </summary>
public readonly record struct SiloPorts(int Silo, int Gateway)
{
    public const string SiloPortKey = "Orleans:Endpoints:SiloPort";

    public const string GatewayPortKey = "Orleans:Endpoints:GatewayPort";

    /// <summary>The HTTP port whose silo gets Orleans' default ports.</summary>
    public const int BaseHttpPort = 5000;

    public const int DefaultSiloPort = 11111;

    public const int DefaultGatewayPort = 30000;

    /// <summary>HTTP ports from here up are not hand-picked, and their offsets would land in the ephemeral range.</summary>
    public const int DerivedHttpPortLimit = 10000;

    public static SiloPorts Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var derived = Derive(HttpPort(configuration["urls"]) ?? HttpPortOf(configuration["http_ports"]) ?? BaseHttpPort);
        return new SiloPorts(
            Configured(configuration, SiloPortKey) ?? derived?.Silo ?? FreePort(),
            Configured(configuration, GatewayPortKey) ?? derived?.Gateway ?? FreePort());
    }

    /// <summary>The derived ports of <paramref name="httpPort"/>, or null when it gets free ports instead.</summary>
    public static SiloPorts? Derive(int? httpPort)
    {
        if (httpPort is not { } port || port <= 0 || port >= DerivedHttpPortLimit)
        {
            return null;
        }

        var offset = port - BaseHttpPort;
        return new SiloPorts(DefaultSiloPort + offset, DefaultGatewayPort + offset);
    }

    /// <summary>The port of the first URL in an ASP.NET Core <c>urls</c> value, or null when it names none.</summary>
    public static int? HttpPort(string? urls) => ListenUrls(urls) is [var first, ..] ? first.Port : null;

    /// <summary>The URLs of an ASP.NET Core <c>urls</c> value; wildcard hosts ("*", "+") read as 0.0.0.0, and what does not parse is left out.</summary>
    public static IReadOnlyList<Uri> ListenUrls(string? urls) =>
        [.. (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()];

    // ASPNETCORE_HTTP_PORTS: ports without a scheme, "8080;8081". Absent both, Kestrel listens on 5000.
    private static int? HttpPortOf(string? ports) =>
        int.TryParse(ports?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;

    private static int? Configured(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= IPEndPoint.MaxPort
            ? port
            : throw new InvalidOperationException($"{key} = '{value}' is invalid: it must be a port number from 1 to {IPEndPoint.MaxPort}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
